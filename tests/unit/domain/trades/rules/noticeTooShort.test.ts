import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, HOUR, local, oneSided, only, settings, shift, world } from "../fixtures";

const start = local("America/New_York", "2026-01-13 09:00");
const at = (now: number) =>
  evaluateTrade(
    oneSided("T", "A", "SA", "B"),
    world({
      now,
      agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00")],
    }),
    settings({ policies: { OneSided: "Allow" } }),
  );

describe("NoticeTooShort", () => {
  it("denies a trade 23 h before the shift (24 h notice)", () => {
    const r = at(start - 23 * HOUR);
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "NoticeTooShort");
    expect(v.params).toEqual({ hoursAhead: 23, minHoursInFuture: 24 });
    expect(v.message).toBe("This shift starts 2026-01-13 09:00 (America/New_York), 23 h from now; trades need 24 h notice");
  });

  it("accepts exactly 24 h of notice", () => {
    expect(at(start - 24 * HOUR).outcome).toBe("Approved");
  });
});
