import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/client/field-errors";
import { staffingSettingsSchema } from "@/lib/schemas/staffing";
import { tradingSettingsSchema } from "@/lib/schemas/trades";
import { TRADING_LABELS } from "@/components/settings/trading-labels";
import { TRADE_REQUEST_LABELS } from "@/components/trades/trade-request-form";
import { tradeRequestSchema } from "@/lib/schemas/trades";

describe("fieldErrors: every validation message in the label's words, next to its input", () => {
  it("names the label, not the key, and keeps every error, not only the first", () => {
    const r = tradingSettingsSchema.safeParse({ minHoursInFuture: -1, maxTradesPerAgentPerWeek: 0, tradeRateLimit: { maxApproved: 5, windowHours: 0 }, cumulativeCoverageThreshold: 3 });
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!, TRADING_LABELS);
    expect(errors).toEqual({
      minHoursInFuture: ["Notice (hours) must be 0 or more."],
      maxTradesPerAgentPerWeek: ["Trades per agent per week must be 1 or more."],
      "tradeRateLimit.windowHours": ["… per window (hours) must be above 0."],
      cumulativeCoverageThreshold: ["Cumulative coverage threshold (%): A threshold above 2 × required is not a coverage threshold."],
    });
    for (const list of Object.values(errors)) for (const m of list) expect(m).not.toMatch(/minHoursInFuture|Too small|expected number/);
  });

  it("shows fractions in the percent the input is edited in, and a critical period's fields by row", () => {
    const r = tradingSettingsSchema.safeParse({ cumulativeCoverageThreshold: -0.5, criticalPeriods: [{ label: "", start: "2026-11-27T08:00:00-05:00", end: "2026-11-27T07:00:00-05:00" }] });
    const errors = fieldErrors(r.error!, TRADING_LABELS);
    expect(errors.cumulativeCoverageThreshold).toEqual(["Cumulative coverage threshold (%) must be 0 % or more."]);
    expect(errors["criticalPeriods.0.label"]).toEqual(["Period 1 label: Give the period a label."]);
    expect(errors["criticalPeriods.0.end"]).toEqual(["Period 1 ends: A critical period must end after it starts."]);
  });

  it("says a number is needed when the input is empty, and a whole number where one is", () => {
    const r = staffingSettingsSchema.safeParse({ skillId: "S", serviceLevelTarget: Number.NaN, serviceLevelSeconds: 2.5, maxOccupancy: 0.85, shrinkage: 0.3 });
    const errors = fieldErrors(r.error!, { serviceLevelTarget: { label: "Service level", scale: 100, unit: " %" }, serviceLevelSeconds: { label: "Answered within (s)" } });
    expect(errors).toEqual({
      serviceLevelTarget: ["Service level target must be a number."],
      serviceLevelSeconds: ["Answered within (s): Answer time is whole seconds."],
    });
  });

  it("puts a schema's own sentence in the form's words: no field keys (the trade form's 'receiverAgentId must be…')", () => {
    const r = tradeRequestSchema.safeParse({ kind: "swap", initiatorAgentId: "AGENT-1001", initiatorShiftId: "s1", initiatorShiftVersion: 1, receiverAgentId: "AGENT-1001", receiverShiftId: "", note: undefined });
    const errors = fieldErrors(r.error!, TRADE_REQUEST_LABELS);
    expect(errors.receiverAgentId).toEqual(["Receiving agent must be a different agent than Initiating agent."]);
    for (const list of Object.values(errors)) for (const m of list) expect(m).not.toMatch(/AgentId|ShiftId/);
  });
});
