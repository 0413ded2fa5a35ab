import { describe, expect, it } from "vitest";
import { forecastCsv, historyToForecastRows } from "@/lib/cxone/platform/history";
import { parseDemandCsv } from "@/lib/csv";
import { requiredStaff } from "@/lib/domain/erlang";
import { coverageFromHistory } from "@/scripts/cxone-flow/platform-coverage";

const t = (iso: string) => Date.parse(iso);

describe("contact history as demand", () => {
  it("spreads a 30-minute interval over its two quarter-hours and merges handle times by volume", () => {
    const rows = historyToForecastRows([
      { skillId: "S", intervalStart: t("2026-03-02T09:00:00Z"), intervalMinutes: 30, offered: 20, averageHandleTimeSeconds: 300 },
      { skillId: "S", intervalStart: t("2026-03-02T09:15:00Z"), intervalMinutes: 15, offered: 10, averageHandleTimeSeconds: 150 },
      { skillId: "S", intervalStart: t("2026-03-02T10:00:00Z"), intervalMinutes: 15, offered: 0, averageHandleTimeSeconds: 0 },
    ]);
    expect(rows).toEqual([
      { skillId: "S", intervalStart: "2026-03-02T09:00:00Z", offeredContacts: 10, ahtSeconds: 300 },
      { skillId: "S", intervalStart: "2026-03-02T09:15:00Z", offeredContacts: 20, ahtSeconds: 225 },
    ]);
    const parsed = parseDemandCsv(forecastCsv(rows), { catalog: null });
    if (!parsed.ok) throw new Error("forecast CSV did not parse");
    if (parsed.kind !== "forecast") throw new Error(`read as ${parsed.kind}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.offeredContacts, r.ahtSeconds])).toEqual([[10, 300], [20, 225]]);
  });

  it("measures coverage per skill-day: Erlang C requirement against agents on shift, off the phones on breaks", () => {
    const forecast = [{ skillId: "S", intervalStart: "2026-03-02T09:00:00Z", offeredContacts: 30, ahtSeconds: 300 }];
    const need = requiredStaff(30, 300, 900).scheduled;
    const shift = { agentId: "A", start: t("2026-03-02T08:00:00Z"), end: t("2026-03-02T16:00:00Z"), skillIds: ["S"], breaks: [] };
    const [item] = coverageFromHistory(forecast, [shift]);
    expect(item).toMatchObject({ skillId: "S", requiredHours: need / 4, availableHours: 8, coveredHours: 0.25, deficitHours: (need - 1) / 4 });
    const onBreak = coverageFromHistory(forecast, [{ ...shift, breaks: [{ startOffsetMinutes: 60, durationMinutes: 15 }] }])[0];
    expect(onBreak).toMatchObject({ coveredHours: 0, availableHours: 7.75 });
  });
});
