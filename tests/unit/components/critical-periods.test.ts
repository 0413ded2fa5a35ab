import { describe, expect, it } from "vitest";
import { localInputToIso, toLocalInput, toRows } from "@/components/settings/critical-periods";
import { DEFAULT_TRADING_SETTINGS } from "@/lib/domain/trades/policies";

const sites = [{ id: "NYC", timeZone: "America/New_York" }];

describe("critical periods on the site's clock", () => {
  it("edits a stored period as local date-times of its site (UTC for all sites) and reads them back to the same instants", () => {
    const start = Date.parse("2026-11-27T13:00:00Z");
    const end = Date.parse("2026-11-27T17:00:00Z");
    const [nyc, all] = toRows({ ...DEFAULT_TRADING_SETTINGS, criticalPeriods: [{ label: "Black Friday", siteId: "NYC", skillId: null, start, end }, { label: "All", siteId: null, skillId: null, start, end }] }, sites);
    expect(nyc).toEqual({ label: "Black Friday", siteId: "NYC", skillId: "", start: "2026-11-27T08:00", end: "2026-11-27T12:00" });
    expect(all.start).toBe("2026-11-27T13:00");
    expect(localInputToIso(nyc.start, "America/New_York")).toEqual({ ok: true, iso: "2026-11-27T13:00:00.000Z" });
    expect(toLocalInput(start, "UTC")).toBe("2026-11-27T13:00");
  });

  it("refuses an empty value and a local time the clocks skip or repeat, naming the zone", () => {
    expect(localInputToIso("", "UTC")).toEqual({ ok: false, message: "is required (a date and a time)." });
    expect(localInputToIso("2026-03-08T02:30", "America/New_York")).toEqual({ ok: false, message: "2026-03-08 02:30 does not exist in America/New_York (the clocks skip it)." });
    const back = localInputToIso("2026-11-01T01:30", "America/New_York");
    expect(back.ok).toBe(false);
  });
});
