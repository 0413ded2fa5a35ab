/**
 * Shift bidding. Synthetic and deterministic (mulberry32).
 *
 * 1. Award resolution: 2,000 agents at three sites (New York, London, Manila) bid on 1,000
 *    lines × 10 slots (10,000 slots) for one week, in three waves: one own-site scope per
 *    site (wave 1), a cross-site pool (wave 2) and a cleanup scope (wave 3). Each agent ranks
 *    15 own-site lines skewed towards popular ones; a fifth hold a lock (half committed);
 *    a third bid again in waves 2 and 3. Every award attempt runs eligibility, constraints
 *    and the labor rules in the agent's home zone. Baseline: a bare sort of the bid keys
 *    (tier and tie-breaks) — the floor any priority resolution pays.
 * 2. The scope linter on 200 scopes (20 sites × 5 skills × 2 waves), beside a bare
 *    pairwise loop that only intersects the scopes' site lists.
 */
import { compareKeys, priorityKey } from "../../../lib/domain/bidding/priority";
import { lint } from "../../../lib/domain/bidding/lint";
import { resolveAwards } from "../../../lib/domain/bidding/resolve";
import type { AwardInput, Bid, BidLine, BidScope } from "../../../lib/domain/bidding/types";
import { mulberry32 } from "../../../lib/domain/random";
import { SkillCatalog } from "../../../lib/domain/skills";
import { DEFAULT_LABOR_RULES, type Agent, type Site } from "../../../lib/domain/types";
import type { BenchCase } from "../harness";

const HOUR = 3_600_000;
const SITES: Site[] = [
  { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: { ...DEFAULT_LABOR_RULES, earliestStartLocal: "06:00" } },
  { id: "LON", name: "London", timeZone: "Europe/London", laborRules: { ...DEFAULT_LABOR_RULES, minRestHours: 11 } },
  { id: "MNL", name: "Manila", timeZone: "Asia/Manila", laborRules: { ...DEFAULT_LABOR_RULES, minRestHours: 8 } },
];
const catalog = new SkillCatalog([{ id: "SKILL_SALES", name: "Sales", parentId: null, equivalenceGroup: null }]);
const PERIOD = { start: "2026-03-02", end: "2026-03-08" };

function scope(id: string, wave: number, locations: string[], bidderSites: string[], open: number, close: number, allowedZones: string[] = []): BidScope {
  return {
    id,
    name: id,
    status: "open",
    locations,
    skillGroups: ["SKILL_SALES"],
    bidderSites,
    users: null,
    eligibility: { conditions: [{ type: "attribute", operator: "in", attributeName: "cert", values: ["OK", "SENIOR"] }], allowedZones },
    period: PERIOD,
    window: { kind: "offsets", openOffsetSeconds: open * 86_400, closeOffsetSeconds: close * 86_400, timeZone: "UTC" },
    constraints: { maxShiftsPerDay: 1, maxShiftsPerWeek: 5, maxLinesPerAgent: 1, requireAvailability: true, respectLaborRules: true },
    priority: { basis: "tenure", hiredOnOrBefore: ["2016-12-31", "2020-12-31"], tieBreakers: ["performance", "hireDate", "submittedAt", "randomDraw"], seed: 2026, crossSite: null },
    wave,
    lockDurationHours: 24,
    autoRelease: true,
  };
}

let input: AwardInput;
let keys: number[][];
let lintScopes: BidScope[];

function setup(): void {
  const rand = mulberry32(20260302);
  const agents: Agent[] = Array.from({ length: 2000 }, (_, i) => {
    const site = SITES[i % 3];
    return {
      id: `A${i}`,
      username: `a${i}`,
      name: `Agent ${i}`,
      homeSiteId: site.id,
      timeZone: site.timeZone,
      skills: [{ skillId: "SKILL_SALES", proficiency: 3 }],
      attributes: { cert: rand() < 0.95 ? "OK" : "PENDING" },
      hireDate: `${2010 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      performanceRank: 1 + Math.floor(rand() * 500),
      contractHoursPerWeek: 40,
      availability: rand() < 0.5 ? [] : [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 5 * 60, endMinute: 23 * 60 })),
    };
  });
  const patterns = [[1, 2, 3, 4, 5], [2, 3, 4, 5, 6], [3, 4, 5, 6, 7], [1, 2, 3], [4, 5, 6]];
  const lines: BidLine[] = Array.from({ length: 1000 }, (_, i) => {
    const startH = 6 + (i % 12);
    return {
      id: `L${i}`,
      label: `line ${i}`,
      siteId: SITES[i % 3].id,
      skillId: "SKILL_SALES",
      days: patterns[Math.floor(i / 3) % patterns.length],
      start: `${String(startH).padStart(2, "0")}:00`,
      end: `${String((startH + 8) % 24).padStart(2, "0")}:30`,
      slots: 10,
      breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }],
    };
  });
  const scopes = [
    ...SITES.map((s) => scope(`W1-${s.id}`, 1, [s.id], [s.id], -21, -14)),
    scope("W2-POOL", 2, ["NYC", "LON", "MNL"], ["NYC", "LON", "MNL"], -13, -8, SITES.map((s) => s.timeZone)),
    scope("W3-CLEANUP", 3, ["NYC", "LON", "MNL"], ["NYC", "LON", "MNL"], -7, -3, SITES.map((s) => s.timeZone)),
  ];
  const periodStart = Date.UTC(2026, 2, 2);
  const siteLines = new Map(SITES.map((s) => [s.id, lines.filter((l) => l.siteId === s.id)]));
  const pickLines = (pool: BidLine[], n: number) => {
    const out = new Set<string>();
    while (out.size < n) out.add(pool[Math.floor(pool.length * rand() * rand())].id); // skewed to popular lines
    return [...out];
  };
  const bids: Bid[] = [];
  for (const a of agents) {
    const own = pickLines(siteLines.get(a.homeSiteId)!, 15);
    const submittedAt = periodStart - 20 * 24 * HOUR + Math.floor(rand() * 100) * HOUR;
    const locking = rand() < 0.2;
    const lockedAt = submittedAt - HOUR;
    bids.push({
      agentId: a.id,
      scopeId: `W1-${a.homeSiteId}`,
      preferences: own.map((lineId, i) => ({ lineId, rank: i + 1 })),
      submittedAt,
      lock: locking ? { lineId: own[0], lockedAt, committedAt: rand() < 0.5 ? lockedAt + HOUR : null, releasedAt: null } : null,
    });
    if (rand() < 0.33) {
      for (const [scopeId, day] of [["W2-POOL", -12], ["W3-CLEANUP", -6]] as const) {
        bids.push({ agentId: a.id, scopeId, preferences: pickLines(lines, 15).map((lineId, i) => ({ lineId, rank: i + 1 })), submittedAt: periodStart + day * 24 * HOUR, lock: null });
      }
    }
  }
  input = { scopes, lines, bids, agents, sites: SITES, catalog, schedule: [] };
  const byAgent = new Map(agents.map((a) => [a.id, a]));
  const scopeById = new Map(scopes.map((s) => [s.id, s]));
  keys = bids.map((b) => priorityKey(scopeById.get(b.scopeId)!, byAgent.get(b.agentId)!, b.submittedAt));

  const sites20 = Array.from({ length: 20 }, (_, i) => `S${i}`);
  lintScopes = [];
  for (const s of sites20) {
    for (let k = 0; k < 5; k++) {
      for (const wave of [1, 2]) {
        const base = scope(`${s}-K${k}-W${wave}`, wave, [s], [s], wave === 1 ? -21 : -13, wave === 1 ? -14 : -8);
        lintScopes.push({ ...base, skillGroups: [`SKILL_${k}`] });
      }
    }
  }
}

const lintCtx = () => ({
  sites: Array.from({ length: 20 }, (_, i) => ({ ...SITES[i % 3], id: `S${i}` })),
  catalog: new SkillCatalog(Array.from({ length: 5 }, (_, k) => ({ id: `SKILL_${k}`, name: `Skill ${k}`, parentId: null, equivalenceGroup: null }))),
  skillSites: new Map(Array.from({ length: 5 }, (_, k) => [`SKILL_${k}`, Array.from({ length: 20 }, (_, i) => `S${i}`)])),
});

export const cases: BenchCase[] = [
  {
    name: "bidding: award 2,000 agents × 10,000 slots, 3 waves, locks",
    baselineName: "bare sort of the bid keys",
    setup,
    subject: () => resolveAwards(input),
    baseline: () => [...keys].sort(compareKeys),
    iterations: 3,
    goal: "< 1 s",
    goalMet: (s) => s < 1000,
  },
  {
    name: "bidding: lint 200 scopes",
    baselineName: "bare pairwise site intersection",
    setup,
    subject: () => lint(lintScopes, lintCtx()),
    baseline: () => {
      let n = 0;
      for (let i = 0; i < lintScopes.length; i++) for (let j = i + 1; j < lintScopes.length; j++) if (lintScopes[i].locations.some((l) => lintScopes[j].locations.includes(l))) n++;
      return n;
    },
    goal: "< 100 ms",
    goalMet: (s) => s < 100,
  },
];
