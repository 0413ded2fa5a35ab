/**
 * The Schedule page's server work beside the bare query that reads the same shifts:
 * the demo (300 agents × 7 days: the first page of 50 agents with day totals over all 300,
 * plus the filter choices), and 5,000 agents × 28 days in a scratch PGlite where a planner
 * looks at a visible window of 50 agents × 7 days (day totals still over all 5,000).
 */
import { sql } from "drizzle-orm";
import type { CurrentUser } from "../../../lib/auth/checks";
import { openPglite, type OpenedDb } from "../../../lib/db/client";
import { executeRows } from "../../../lib/db/execute";
import { insertReferenceData } from "../../../lib/db/queries/reference";
import { insertShifts, type NewShift } from "../../../lib/db/queries/shifts";
import { DEMO_SITES, DEMO_SKILLS } from "../../../lib/demo/generate";
import { addDays, localToInstant, parseDateKey } from "../../../lib/domain/time";
import type { Agent } from "../../../lib/domain/types";
import { scheduleQuerySchema } from "../../../lib/schemas/schedule";
import { getScheduleOptions } from "../../../lib/services/schedule/options";
import { getScheduleView } from "../../../lib/services/schedule/view";
import { seedDemo } from "../../../lib/services/seed/demo";
import type { BenchCase } from "../harness";

const WEEK = "2026-11-23";
const planner: CurrentUser = { id: "00000000-0000-4000-8000-00000000bead", email: "bench@local", name: "Bench", role: "planner", siteIds: [] };
const BREAKS = [
  { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
  { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
  { startOffsetMinutes: 390, durationMinutes: 15, paid: true },
];

/** The bare query: the shifts of some agents (or all) in a window, nothing else. */
async function bareShifts(o: OpenedDb, from: string, to: string, agentIds?: string[]) {
  const who = agentIds ? sql` and agent_id in (${sql.join(agentIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  return executeRows(o.db, sql`select id, agent_id, site_id, starts_at, ends_at, status, breaks, skills, version from shifts
    where starts_at < ${to}::timestamptz and ends_at > ${from}::timestamptz${who} order by agent_id, starts_at`);
}

let demoDb: OpenedDb | null = null;
let bigDb: OpenedDb | null = null;
let windowIds: string[] = [];
const BIG_AGENTS = 5_000;
const BIG_FROM = addDays(WEEK, 7);

/**
 * 5,000 agents over the three demo sites, each working five 8.5-hour days a week for four
 * weeks from `weekStart` (100,000 shifts). `withReference: false` adds agents beside the
 * demo's (the scroll script seeds the demo first, for its users).
 */
export async function seedBig(o: OpenedDb, options: { agents?: number; weekStart?: string; withReference?: boolean } = {}) {
  const count = options.agents ?? BIG_AGENTS;
  const week = options.weekStart ?? WEEK;
  const agents: Agent[] = [];
  for (let i = 0; i < count; i++) {
    const site = DEMO_SITES[i % 3];
    agents.push({
      id: `AGENT-${100_001 + i}`,
      username: `agent${100_001 + i}`,
      name: `Agent ${String(i).padStart(4, "0")}`,
      homeSiteId: site.id,
      timeZone: site.timeZone,
      skills: [{ skillId: DEMO_SKILLS[i % 2].id, proficiency: 3 }],
      attributes: { team: `T${i % 40}` },
      hireDate: "2020-01-01",
      performanceRank: 1 + (i % 300),
      contractHoursPerWeek: 40,
      availability: [],
    });
  }
  if (options.withReference === false) await insertAgentsOnly(o, agents);
  else await insertReferenceData(o.db, { sites: DEMO_SITES, skills: DEMO_SKILLS, agents });
  const shifts: NewShift[] = [];
  for (const [i, a] of agents.entries()) {
    for (let d = 0; d < 28; d++) {
      if ((d + i) % 7 >= 5) continue;
      const p = parseDateKey(addDays(week, d))!;
      const r = localToInstant({ ...p, hour: 7 + (i % 6), minute: 0, second: 0 }, a.timeZone);
      if (!r.ok) continue;
      shifts.push({ agentId: a.id, siteId: a.homeSiteId, start: r.instant, end: r.instant + 8.5 * 3_600_000, status: i % 10 === 0 ? "DRAFT" : "PUBLISHED", skills: [], breaks: BREAKS });
    }
  }
  for (let i = 0; i < shifts.length; i += 5_000) await insertShifts(o.db, shifts.slice(i, i + 5_000));
  await executeRows(o.db, sql`analyze`);
}

async function insertAgentsOnly(o: OpenedDb, agents: Agent[]) {
  for (let i = 0; i < agents.length; i += 500) {
    const chunk = agents.slice(i, i + 500);
    const rows = JSON.stringify(chunk.map((a) => ({ id: a.id, username: a.username, name: a.name, home_site_id: a.homeSiteId, time_zone: a.timeZone, attributes: a.attributes, contract: a.contractHoursPerWeek, skill: a.skills[0].skillId })));
    await executeRows(o.db, sql`insert into agents (id, username, name, home_site_id, time_zone, attributes, hire_date, performance_rank, contract_hours_per_week)
      select x.id, x.username, x.name, x.home_site_id, x.time_zone, x.attributes, '2020-01-01', 1, x.contract
      from jsonb_to_recordset(${rows}::jsonb) as x(id text, username text, name text, home_site_id text, time_zone text, attributes jsonb, contract float8)`);
    await executeRows(o.db, sql`insert into agent_skills (agent_id, skill_id, proficiency)
      select x.id, x.skill, 3 from jsonb_to_recordset(${rows}::jsonb) as x(id text, skill text)`);
  }
}

const demoQuery = scheduleQuerySchema.parse({ from: WEEK, siteId: undefined });
/** What the grid asks for as it scrolls: 50 agents, no day totals (those come with the first page). */
const bigQuery = scheduleQuerySchema.parse({ from: BIG_FROM, days: 7, offset: 2_500, limit: 50, totals: "false" });
/** The first page of the same view, with the day totals over all 5,000 agents. */
const bigFirstPage = scheduleQuerySchema.parse({ from: BIG_FROM, days: 7 });

export const cases: BenchCase[] = [
  {
    name: "schedule page server work: demo 300 agents × 7 days (PGlite)",
    baselineName: "bare query: the week's shifts",
    goal: "< 150 ms",
    goalMet: (ms) => ms < 150,
    iterations: 7,
    async setup() {
      demoDb = await openPglite();
      await seedDemo(demoDb.db, { weekStart: WEEK });
    },
    async subject() {
      const [view] = await Promise.all([getScheduleView(demoDb!.db, demoQuery, planner), getScheduleOptions(demoDb!.db, planner)]);
      if (view.rows.length !== 50 || view.totalAgents !== 300) throw new Error(`unexpected page: ${view.rows.length} of ${view.totalAgents}`);
    },
    baseline: () => bareShifts(demoDb!, `${WEEK}T00:00:00Z`, `${addDays(WEEK, 7)}T00:00:00Z`),
    async teardown() {
      await demoDb?.close();
    },
  },
  {
    name: "schedule view: 5,000 agents × 28 days, visible 50 agents × 7 days (PGlite)",
    baselineName: "bare query: the window's 50 agents × 7 days",
    goal: "< 150 ms",
    goalMet: (ms) => ms < 150,
    iterations: 7,
    async setup() {
      bigDb = await openPglite();
      await seedBig(bigDb);
      const first = await getScheduleView(bigDb.db, bigQuery, planner);
      windowIds = first.rows.map((r) => r.agentId);
      if (windowIds.length !== 50 || first.totalAgents !== BIG_AGENTS) throw new Error(`unexpected window: ${windowIds.length} of ${first.totalAgents}`);
    },
    subject: () => getScheduleView(bigDb!.db, bigQuery, planner),
    baseline: () => bareShifts(bigDb!, `${BIG_FROM}T00:00:00Z`, `${addDays(BIG_FROM, 7)}T00:00:00Z`, windowIds),
    extra: () => ({ agents: BIG_AGENTS, shiftsStored: BIG_AGENTS * 20 }),
    // The next case reads the same database; it closes it.
  },
  {
    name: "schedule view: 5,000 agents, first page with day totals over all (PGlite)",
    baselineName: "bare query: the window's 50 agents × 7 days",
    goal: "reported",
    iterations: 5,
    async setup() {
      if (!bigDb) {
        bigDb = await openPglite();
        await seedBig(bigDb);
      }
      if (!windowIds.length) windowIds = (await getScheduleView(bigDb.db, bigQuery, planner)).rows.map((r) => r.agentId);
    },
    subject: () => getScheduleView(bigDb!.db, bigFirstPage, planner),
    baseline: () => bareShifts(bigDb!, `${BIG_FROM}T00:00:00Z`, `${addDays(BIG_FROM, 7)}T00:00:00Z`, windowIds),
  },
  {
    name: "schedule view: 5,000 agents, sorted by paid hours, visible 50 × 7 days (PGlite)",
    baselineName: "bare query: the window's 50 agents × 7 days",
    goal: "reported",
    iterations: 5,
    async setup() {
      if (!bigDb) {
        bigDb = await openPglite();
        await seedBig(bigDb);
      }
      if (!windowIds.length) windowIds = (await getScheduleView(bigDb.db, bigQuery, planner)).rows.map((r) => r.agentId);
    },
    subject: () => getScheduleView(bigDb!.db, { ...bigQuery, sort: "hours" }, planner),
    baseline: () => bareShifts(bigDb!, `${BIG_FROM}T00:00:00Z`, `${addDays(BIG_FROM, 7)}T00:00:00Z`, windowIds),
    async teardown() {
      await bigDb?.close();
      bigDb = null;
    },
  },
];
