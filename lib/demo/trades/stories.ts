/** The demo's trade stories, one per violation type and outcome (see ./index.ts). */
import { paidHours, type TradeEvaluation, type TradeViolationType } from "../../domain/trades";
import type { Shift } from "../../domain/types";
import type { DemoData } from "../generate";
import { isPlainSales, isPremium, isSales, only, PlanSearch } from "./search";
import { DEMO_LON_TRADE_RATE, DEMO_NOTICE_FREEZE_HOURS, demoCriticalPeriod, lonRow, type DemoShiftEdit, type DemoTradePlan } from "./settings";

const HOUR_MS = 3_600_000;

/** The stories, in filing order: each finds one plan (or none, when the data cannot tell it). */
export class Planner extends PlanSearch {
  // ── The stories, in filing order

  run(): DemoTradePlan[] {
    this.noticeTooShort();
    this.busyAgent();
    this.overlap();
    this.missingSkill();
    this.shortRest();
    this.criticalPeriod();
    this.cumulativeCoverage();
    this.ghostCoverage();
    this.oneSidedOvertime();
    this.unequalPaid();
    this.availability();
    this.crossSite();
    this.lonRoutine();
    this.tradeRate();
    return this.plans;
  }

  /** LON's two-week freeze is in force for the first LON request, then lifted. */
  noticeTooShort(): void {
    const lon = lonRow(this.demo);
    this.findWith(
      { settings: [{ scope: "LON", raw: { ...lon.raw, minHoursInFuture: DEMO_NOTICE_FREEZE_HOURS } }] },
      {
        what: `notice too short (LON's ${DEMO_NOTICE_FREEZE_HOURS} h trade freeze, lifted afterwards)`,
        note: "Swap for my cousin's wedding, please.",
        outcome: "Denied",
        types: ["NoticeTooShort"],
        candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 2 }),
        after: { settings: [lon] },
      },
    );
  }

  /** One NYC agent in three routine swaps this week (auto-approved), then a fourth (denied). */
  busyAgent(): void {
    const agents = [...new Set(this.free("NYC").map((s) => s.agentId))].sort();
    for (const agentId of agents) {
      const own = this.free("NYC").filter((s) => s.agentId === agentId);
      if (own.length < 4) continue;
      const snap = this.sim.snapshot();
      const plansBefore = this.plans.length;
      const usedA = new Set(this.usedAgents);
      const usedS = new Set(this.usedShifts);
      let ok = true;
      for (let i = 0; i < 4 && ok; i++) {
        const last = i === 3;
        // The busy agent stays free for the next step of their own story.
        this.usedAgents.delete(agentId);
        const plan = this.find({
          what: last ? `too many trades: ${agentId}'s fourth trade this week (limit 3)` : `routine swap, auto-approved (${agentId}'s trade ${i + 1} of the week)`,
          note: last ? "One more swap, sorry!" : "Swapping to fit a class schedule.",
          outcome: last ? "Denied" : "Approved",
          types: last ? ["MaxTradesPerAgentPerWeek"] : [],
          candidates: this.swaps({ site: "NYC", from: this.free("NYC").filter((s) => s.agentId === agentId), sameSkills: true, sameDay: true, maxDiff: 60 }),
        });
        ok = plan !== null;
      }
      if (ok) return;
      this.sim.restore(snap);
      this.plans.length = plansBefore;
      this.usedAgents.clear();
      for (const id of usedA) this.usedAgents.add(id);
      this.usedShifts.clear();
      for (const id of usedS) this.usedShifts.add(id);
    }
  }

  overlap(): void {
    this.find({
      what: "double-booked: the receiver already works that day",
      note: "Can you take this one? I'll owe you.",
      outcome: "Denied",
      types: ["Overlap", "MaxDailyHours"],
      allowed: ["OneSided", "Overtime", "MaxConsecutiveHours", "RestPeriod", "Availability"],
      candidates: this.oneSided({ site: "NYC", sameSkills: true, day: 3, receiverTest: (a, theirs) => theirs.some((s) => s.start < a.end && a.start < s.end) }),
    });
  }

  missingSkill(): void {
    this.find({
      what: "missing skill: a tech-support shift swapped with a billing-only agent",
      note: "Same hours, different desk - does that work?",
      outcome: "Denied",
      types: ["MissingRequiredSkill"],
      allowed: ["CumulativeCoverage", "Availability"],
      candidates: this.swaps({ site: "NYC", giver: only("SKILL-EN-TECH-SUPPORT"), taker: only("SKILL-EN-BILLING"), sameDay: true, maxDiff: 60, day: 2 }),
    });
  }

  shortRest(): void {
    this.find({
      what: "short rest: an early shift after a late one, under London's 11 h rest",
      note: "I'd rather start early that day.",
      outcome: "Denied",
      types: ["RestPeriod", "MaxConsecutiveHours"],
      allowed: ["Availability", "CumulativeCoverage"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, minDiff: 240, day: 3 }),
    });
  }

  criticalPeriod(): void {
    const period = demoCriticalPeriod(this.demo);
    const [ps, pe] = [Date.parse(period.start), Date.parse(period.end)];
    const touches = (s: Shift) => s.start < pe && ps < s.end;
    this.find({
      what: "critical period: a Friday sales swap over the evening sales push",
      note: "Swapping Friday shifts, same hours give or take.",
      outcome: "PendingReview",
      types: ["CriticalCoveragePeriod"],
      candidates: this.swaps({ site: "NYC", giver: isSales, sameSkills: true, sameDay: true, maxDiff: 60, pair: (a, b) => touches(a) && touches(b) }),
    });
  }

  cumulativeCoverage(): void {
    this.find({
      what: "SLA blind spot: a premium sales agent swaps into a plain sales agent's hours, premium coverage drops below the threshold",
      note: "Happy to swap, same day.",
      outcome: "PendingReview",
      types: ["CumulativeCoverage"],
      allowed: ["Availability"],
      candidates: this.swaps({ site: "NYC", giver: isPremium, taker: isPlainSales, sameDay: true, maxDiff: 90, day: 2 }),
    });
  }

  /** The seed's "ghost coverage": a Sales-queue shift leaves its premium agent for a plain one. */
  ghostCoverage(): void {
    const spec = {
      what: "ghost coverage: a premium agent gives a Sales-queue shift to a plain sales agent (premium skill lost)",
      note: "Swap? Same queue.",
      outcome: "PendingReview" as const,
      types: ["SkillLoss" as const],
    };
    // A shift already listing a parent skill its premium agent serves beyond needs no edit.
    const listed = this.free("NYC", isPremium).filter((s) => s.skills.some((k) => k.skillId === "SKILL_SALES"));
    if (listed.length && this.find({ ...spec, candidates: this.swaps({ site: "NYC", from: listed, taker: isPlainSales, sameDay: true, maxDiff: 90 }) })) return;
    for (const s of this.preferDay(this.free("NYC", isPremium), 3)) {
      if (s.skills.length > 0) continue;
      const edit: DemoShiftEdit = {
        shiftId: s.id,
        version: s.version,
        skills: [{ skillId: "SKILL_SALES", proficiency: 3 }],
        reason: "Planner pinned this shift to the Sales queue (lists SKILL_SALES)",
      };
      if (this.findWith({ shiftEdits: [edit] }, { ...spec, candidates: this.swaps({ site: "NYC", from: [s], taker: isPlainSales, sameDay: true, maxDiff: 90 }) })) return;
    }
  }

  oneSidedOvertime(): void {
    this.find({
      what: "one-sided giveaway that puts the receiver into overtime",
      note: "Anyone want extra hours Thursday?",
      outcome: "PendingReview",
      types: ["OneSided", "Overtime"],
      candidates: this.oneSided({ site: "NYC", sameSkills: true, day: 3 }),
    });
  }

  unequalPaid(): void {
    const spec = {
      what: "unequal paid time: a shortened 6 h shift swapped for a full 8 h shift",
      note: "I'm on a short day - swap for your full one?",
      outcome: "PendingReview" as const,
      types: ["UnequalPaid" as const],
    };
    const short = this.free("LON").filter((s) => paidHours(s) < 7.5);
    if (short.length && this.find({ ...spec, candidates: this.swaps({ site: "LON", from: short, sameSkills: true, sameDay: true, maxDiff: 60 }) })) return;
    for (const s of this.preferDay(this.free("LON"), 4)) {
      const end = s.end - 2 * HOUR_MS;
      const lengthMin = (end - s.start) / 60_000;
      const edit: DemoShiftEdit = {
        shiftId: s.id,
        version: s.version,
        end,
        breaks: s.breaks.filter((b) => b.startOffsetMinutes + b.durationMinutes <= lengthMin),
        reason: "Planner shortened this shift by 2 h (approved early leave)",
      };
      if (this.findWith({ shiftEdits: [edit] }, { ...spec, candidates: this.swaps({ site: "LON", from: [s], sameSkills: true, sameDay: true, maxDiff: 60 }) })) return;
    }
  }

  availability(): void {
    this.find({
      what: "availability: the swapped hours fall outside what the agents said they can work",
      note: "Would you swap an early for a late?",
      outcome: "PendingReview",
      types: ["Availability"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, minDiff: 180, day: 3 }),
    });
  }

  crossSite(): void {
    const both = (ev: TradeEvaluation) => ev.reviewSiteIds.includes("NYC") && ev.reviewSiteIds.includes("LON");
    const spec = {
      what: "cross-site swap: New York and London sales agents (SALES_US ~ SALES_UK), needs a decision from each site",
      note: "Cross-Atlantic swap - same hours for both of us.",
      outcome: "PendingReview" as const,
      types: ["CrossSite" as const],
      allowed: ["CumulativeCoverage", "Availability"] as TradeViolationType[],
      accept: both,
    };
    // Same instants give or take an hour: a New York morning is a London afternoon.
    if (this.find({ ...spec, candidates: this.swaps({ site: "NYC", otherSite: "LON", giver: isPlainSales, taker: isPlainSales, maxDiff: 60, day: 4 }) })) return;
    this.find({ ...spec, what: "cross-site swap between New York and London, needs a decision from each site", candidates: this.swaps({ site: "NYC", otherSite: "LON", sameSkills: false, maxDiff: 60 }) });
  }

  lonRoutine(): void {
    for (let i = 1; i <= DEMO_LON_TRADE_RATE.maxApproved; i++) {
      this.find({
        what: `routine swap, auto-approved (LON approval ${i} of ${DEMO_LON_TRADE_RATE.maxApproved} allowed per ${DEMO_LON_TRADE_RATE.windowHours} h)`,
        note: "Quick swap, same hours near enough.",
        outcome: "Approved",
        types: [],
        candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 1 + i }),
      });
    }
  }

  tradeRate(): void {
    this.find({
      what: `trade rate exceeded: a routine LON swap after ${DEMO_LON_TRADE_RATE.maxApproved} approvals in ${DEMO_LON_TRADE_RATE.windowHours} h`,
      note: "Another quick swap, if that's OK.",
      outcome: "PendingReview",
      types: ["TradeRateExceeded"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 4 }),
    });
  }
}

/**
 * The demo's trade requests, in filing order, with what each must give. Deterministic for
 * a given demo. A story the data cannot tell (after a demo tweak) is left out rather than
 * faked; the tests check that every violation type and outcome is still shown.
 */
export function planDemoTrades(demo: DemoData): DemoTradePlan[] {
  return new Planner(demo).run();
}
