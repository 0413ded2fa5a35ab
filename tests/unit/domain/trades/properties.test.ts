/**
 * Invariants over random multi-site worlds: the verdict follows the policies, refusals
 * carry no violations, and the incremental coverage probe agrees with a from-scratch
 * gross coverage of the schedule before and after the trade.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeGrossCoverage } from "@/lib/domain/coverage";
import { effectivePolicy, evaluateTrade, evaluateTrades, outcomeOf, type TradeProposal } from "@/lib/domain/trades";
import type { Agent, Shift } from "@/lib/domain/types";
import { agent, catalog, DEFAULT_GRID, HOUR, settings, SKILLS, world } from "./fixtures";

const SITE_IDS = ["NYC", "LON", "MNL"] as const;
const skillIds = SKILLS.map((s) => s.id);

const agentArb = fc.record({
  site: fc.constantFrom(...SITE_IDS),
  skills: fc.uniqueArray(fc.constantFrom(...skillIds), { minLength: 1, maxLength: 3 }),
  shifts: fc.array(
    fc.record({
      day: fc.integer({ min: 12, max: 16 }),
      hour: fc.integer({ min: 0, max: 20 }),
      quarter: fc.integer({ min: 0, max: 3 }),
      length: fc.integer({ min: 4, max: 10 }),
      listed: fc.uniqueArray(fc.constantFrom(...skillIds), { maxLength: 2 }),
      lunch: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

const worldArb = fc
  .record({
    agents: fc.array(agentArb, { minLength: 2, maxLength: 6 }),
    trades: fc.array(
      fc.record({
        oneSided: fc.boolean(),
        initiator: fc.nat(),
        receiver: fc.nat(),
        initiatorShift: fc.nat(),
        receiverShift: fc.nat(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    demandLevel: fc.integer({ min: 0, max: 4 }),
    crossSite: fc.boolean(),
  })
  .map((w) => {
    const agents: Agent[] = w.agents.map((a, i) => agent(`A${i}`, a.site, a.skills));
    const shifts: Shift[] = w.agents.flatMap((a, i) =>
      a.shifts.map((s, k) => {
        const start = Date.UTC(2026, 0, s.day, s.hour, s.quarter * 15);
        return {
          id: `A${i}-S${k}`,
          agentId: `A${i}`,
          siteId: s.day % 2 === 0 ? a.site : SITE_IDS[(i + k) % 3],
          start,
          end: start + s.length * HOUR,
          skills: s.listed.map((skillId) => ({ skillId, proficiency: 1 })),
          status: "PUBLISHED" as const,
          breaks: s.lunch ? [{ startOffsetMinutes: 130, durationMinutes: 30, paid: false }] : [],
          version: 1,
        };
      }),
    );
    const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
    const trades: TradeProposal[] = w.trades.map((t, k) => {
      const ini = agents[t.initiator % agents.length];
      const rec = agents[t.receiver % agents.length];
      const iniShift = pick(shifts.filter((s) => s.agentId === ini.id), t.initiatorShift);
      const recShift = pick(shifts.filter((s) => s.agentId === rec.id), t.receiverShift);
      return {
        id: `T${k}`,
        kind: t.oneSided ? "oneSided" : "swap",
        initiatorAgentId: ini.id,
        initiatorShiftId: iniShift?.id ?? "missing",
        receiverAgentId: rec.id,
        receiverShiftId: t.oneSided ? null : (recShift?.id ?? null),
      };
    });
    const required: Record<string, Float64Array> = {};
    for (const id of skillIds.slice(0, 3)) required[id] = new Float64Array(DEFAULT_GRID.intervalCount).fill(w.demandLevel);
    return { ctx: world({ agents, shifts, required }), trades, crossSite: w.crossSite };
  });

describe("trade evaluation invariants", () => {
  it("decides by the policies, refuses without violations, and never throws", () => {
    fc.assert(
      fc.property(worldArb, ({ ctx, trades, crossSite }) => {
        const s = settings({ allowCrossSiteTrading: crossSite });
        for (const t of trades) {
          const r = evaluateTrade(t, ctx, s);
          if (r.refusal) {
            expect(r.outcome).toBe("Denied");
            expect(r.violations).toEqual([]);
          } else {
            expect(r.outcome).toBe(outcomeOf(r.violations));
            for (const v of r.violations) expect(v.policy).toBe(effectivePolicy(v.type, s));
          }
          expect(r.reviewSiteIds.length > 0).toBe(r.outcome === "PendingReview");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reports exactly the coverage change a from-scratch gross coverage shows", () => {
    fc.assert(
      fc.property(worldArb, ({ ctx, trades }) => {
        const all = [...ctx.shiftsByAgent.values()].flat();
        const before = computeGrossCoverage({ grid: ctx.grid, shifts: all, agents: ctx.agents, catalog });
        for (const t of trades) {
          const r = evaluateTrade(t, ctx, settings({ allowCrossSiteTrading: true }), { coverageImpact: "always" });
          if (r.refusal) continue;
          const moved = new Map<string, string>([[t.initiatorShiftId, t.receiverAgentId]]);
          if (t.receiverShiftId) moved.set(t.receiverShiftId, t.initiatorAgentId);
          const afterShifts = all.map((s) => (moved.has(s.id) ? { ...s, agentId: moved.get(s.id)! } : s));
          const after = computeGrossCoverage({ grid: ctx.grid, shifts: afterShifts, agents: ctx.agents, catalog });
          const expected: string[] = [];
          for (const id of new Set([...before.keys(), ...after.keys()])) {
            const b = before.get(id);
            const a = after.get(id);
            for (let i = 0; i < ctx.grid.intervalCount; i++) {
              const x = b?.[i] ?? 0;
              const y = a?.[i] ?? 0;
              if (Math.abs(y - x) > 1e-9) expected.push(`${id}@${i}:${x.toFixed(6)}→${y.toFixed(6)}`);
            }
          }
          const got = r.coverageImpact.map(
            (p) => `${p.skillId}@${(p.intervalStart - ctx.grid.start) / 900_000}:${p.before.toFixed(6)}→${p.after.toFixed(6)}`,
          );
          expect(got.sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never lets a sequential batch approve a shift onto an agent who already works then", () => {
    fc.assert(
      fc.property(worldArb, ({ ctx, trades, crossSite }) => {
        const results = evaluateTrades(trades, ctx, settings({ allowCrossSiteTrading: crossSite, policies: { OneSided: "Allow" } }));
        const owner = new Map<string, string>();
        const byId = new Map<string, Shift>();
        for (const s of [...ctx.shiftsByAgent.values()].flat()) {
          owner.set(s.id, s.agentId);
          byId.set(s.id, s);
        }
        results.forEach((r, k) => {
          if (r.outcome !== "Approved") return;
          const t = trades[k];
          const moves: Array<[string, string, string]> = [[t.initiatorShiftId, t.initiatorAgentId, t.receiverAgentId]];
          if (t.receiverShiftId) moves.push([t.receiverShiftId, t.receiverAgentId, t.initiatorAgentId]);
          for (const [shiftId, from] of moves) expect(owner.get(shiftId)).toBe(from);
          for (const [shiftId, , to] of moves) owner.set(shiftId, to);
          for (const [shiftId, , to] of moves) {
            const moved = byId.get(shiftId)!;
            for (const [otherId, who] of owner) {
              const other = byId.get(otherId)!;
              if (who === to && otherId !== shiftId && other.start < moved.end && moved.start < other.end) {
                throw new Error(`${t.id} put ${shiftId} on ${to} over ${otherId}`);
              }
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
