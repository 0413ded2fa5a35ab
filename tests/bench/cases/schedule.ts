/**
 * The schedule editor: how long one edit's rules take, and how long undoing a big import does.
 *
 * 1. validateShiftEdit on 1,000 edits, each against its own agent's shifts within ±8 days
 *    (17 day shifts) with the week's limits on, across New York, London and Manila agents
 *    in the week of the US spring-forward. Baseline: the overlap scan of the same
 *    neighbours, the least any edit check does. Goal: < 5 ms per edit.
 * 2. The service's whole check of one edit on the demo database (agent, sites, catalog and
 *    the neighbours loaded, rules run) beside the bare neighbour query.
 * 3. Undo of a 100,000-row import on PGlite (checks, delete, audit, one transaction) beside
 *    the bare `delete … where import_id`, which pays a foreign-key check per row against
 *    trade_requests that the undo, having locked and checked the trades, skips. Goal: < 1 s.
 */
import { sql } from "drizzle-orm";
import { openPglite, type OpenedDb } from "../../../lib/db/client";
import { shifts as shiftsTable, users } from "../../../lib/db/schema";
import { getShiftsOverlapping } from "../../../lib/db/queries/shifts";
import { validateShiftEdit, type ShiftEditCandidate, type ShiftEditContext } from "../../../lib/domain/schedule";
import { SkillCatalog } from "../../../lib/domain/skills";
import { addDays, instantToLocal, localDayRange } from "../../../lib/domain/time";
import { DEFAULT_LABOR_RULES, type Agent, type Shift, type Site } from "../../../lib/domain/types";
import type { CurrentUser } from "../../../lib/auth/checks";
import type { DemoData } from "../../../lib/demo/generate";
import { importShiftFile } from "../../../lib/services/imports/shifts";
import { checkEdit } from "../../../lib/services/schedule/shared";
import { undoImport } from "../../../lib/services/schedule/undo-import";
import { seedDemo } from "../../../lib/services/seed/demo";
import type { BenchCase } from "../harness";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const EDITS = 1_000;
const ROWS = 100_000;
const pad = (n: number) => String(n).padStart(2, "0");
const wall = (ms: number, zone: string) => {
  const l = instantToLocal(ms, zone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
};

// ── 1. the pure rules ─────────────────────────────────────────────────────────

const SITES: Site[] = [
  { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: { ...DEFAULT_LABOR_RULES, maxWeeklyHours: 48 } },
  { id: "LON", name: "London", timeZone: "Europe/London", laborRules: { ...DEFAULT_LABOR_RULES, maxWeeklyHours: 48 } },
  { id: "MNL", name: "Manila", timeZone: "Asia/Manila", laborRules: { ...DEFAULT_LABOR_RULES, maxWeeklyHours: 48, earliestStartLocal: "06:00" } },
];
const catalog = new SkillCatalog([
  { id: "SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "SUPPORT", name: "Support", parentId: null, equivalenceGroup: null },
]);
const pure: { candidate: ShiftEditCandidate; ctx: ShiftEditContext }[] = [];

function buildPure() {
  for (let i = 0; i < EDITS; i++) {
    const site = SITES[i % SITES.length];
    const agent: Agent = {
      id: `A${i}`,
      username: `a${i}`,
      name: `Agent ${i}`,
      homeSiteId: site.id,
      timeZone: site.timeZone,
      skills: [{ skillId: "SALES", proficiency: 3 }],
      attributes: {},
      hireDate: "2020-01-01",
      performanceRank: i,
      contractHoursPerWeek: 40,
      availability: [],
    };
    // Day shifts 09:00–17:00 local from 2026-02-28 to 2026-03-16 (New York springs forward on 8 March).
    const neighbours: Shift[] = [];
    for (let d = 0; d < 17; d++) {
      const day = addDays("2026-02-28", d);
      const start = localDayRange(day, site.timeZone).start + 9 * HOUR;
      neighbours.push({ id: `S${i}-${d}`, agentId: agent.id, siteId: site.id, start, end: start + 8 * HOUR, skills: [], status: "PUBLISHED", breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }], version: 1 });
    }
    // The edit: the middle shift (on the spring-forward Sunday) moved by up to ±2 h and lengthened.
    const mid = neighbours[8];
    const shiftBy = ((i % 5) - 2) * HOUR;
    pure.push({
      candidate: { shiftId: mid.id, agentId: agent.id, siteId: site.id, start: wall(mid.start + shiftBy, site.timeZone), end: wall(mid.end + shiftBy + HOUR, site.timeZone), timeZone: site.timeZone, breaks: mid.breaks, skills: [{ skillId: "SALES", proficiency: 3 }], status: "PUBLISHED" },
      ctx: { agent, homeSite: site, site, catalog, neighbours },
    });
  }
}

let findings = 0;
let perEditMs = 0;

const validateCase: BenchCase = {
  name: "schedule: validate 1,000 edits, each against its agent's ±8-day neighbours + week limits",
  baselineName: "overlap scan of the same neighbours",
  iterations: 7,
  goal: "< 5 ms per edit",
  setup: buildPure,
  subject() {
    const t0 = performance.now();
    let n = 0;
    for (const { candidate, ctx } of pure) n += validateShiftEdit(candidate, ctx).length;
    perEditMs = (performance.now() - t0) / EDITS;
    findings = n;
  },
  baseline() {
    let n = 0;
    for (const { ctx } of pure) {
      const mid = ctx.neighbours[8];
      for (const s of ctx.neighbours) if (s !== mid && s.start < mid.end + HOUR && mid.start < s.end) n++;
    }
    return n;
  },
  goalMet: (ms) => ms / EDITS < 5,
  extra: () => ({ perEditMs: Math.round(perEditMs * 1000) / 1000, findings }),
};

// ── 2 and 3. on the demo database ─────────────────────────────────────────────

let db: OpenedDb | null = null;
let demo: DemoData;
let planner: CurrentUser;

async function ensureDb() {
  if (db) return;
  db = await openPglite();
  demo = await seedDemo(db.db, { weekStart: "2026-11-23" });
  const [u] = await db.db.select().from(users).where(sql`${users.email} = 'planner@demo.local'`);
  planner = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: [] };
}

let demoCandidate: ShiftEditCandidate;
const serviceCase: BenchCase = {
  name: "schedule: check one edit on the demo database (load agent + neighbours, run the rules), PGlite",
  baselineName: "bare neighbour query of the agent",
  iterations: 21,
  goal: "< 5 ms",
  goalMet: (ms) => ms < 5,
  async setup() {
    await ensureDb();
    const s = demo.shifts[Math.floor(demo.shifts.length / 2)];
    const zone = demo.agents.find((a) => a.id === s.agentId)!.timeZone;
    demoCandidate = { shiftId: s.id, agentId: s.agentId, siteId: s.siteId, start: wall(s.start - HOUR, zone), end: wall(s.end, zone), timeZone: zone, breaks: s.breaks, skills: s.skills, status: s.status };
  },
  subject: () => checkEdit(db!.db, demoCandidate),
  baseline: () => {
    const s = demo.shifts[Math.floor(demo.shifts.length / 2)];
    return getShiftsOverlapping(db!.db, { from: new Date(s.start - 8 * DAY), to: new Date(s.end + 8 * DAY) }, { agentIds: [s.agentId] });
  },
};

/** 100,000 rows over the demo agents, one 8-hour shift each per day from 2027 on (clear of the demo week), as UTC instants. */
function bigCsv(): string {
  const lines = ["agentId,start,end,status,siteId"];
  let day = Date.parse("2027-01-04T14:00:00Z");
  for (let i = 0; i < ROWS; i++) {
    const agent = demo.agents[i % demo.agents.length];
    if (i > 0 && i % demo.agents.length === 0) day += DAY;
    lines.push(`${agent.id},${new Date(day).toISOString()},${new Date(day + 8 * HOUR).toISOString()},DRAFT,${agent.homeSiteId}`);
  }
  return lines.join("\n");
}

let csv = "";
let importId = "";
const undoCase: BenchCase = {
  name: "schedule: undo a 100,000-row import (PGlite)",
  baselineName: "bare delete of the import's shifts (foreign-key checks on)",
  iterations: 3,
  warmUp: false,
  goal: "< 1 s",
  goalMet: (ms) => ms < 1000,
  async setup() {
    await ensureDb();
    csv = bigCsv();
  },
  async beforeEach() {
    await db!.db.delete(shiftsTable).where(sql`${shiftsTable.importId} is not null`);
    const r = await importShiftFile(db!.db, { fileName: "big.csv", text: csv, bytes: csv.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor: { id: null, label: "bench" } });
    if (r.importedRows !== ROWS) throw new Error(`imported ${r.importedRows}: ${r.errors[0]?.message ?? r.status}`);
    importId = r.importId!;
  },
  async subject() {
    const r = await undoImport(db!.db, { importId }, planner, Date.now());
    if (r.removed !== ROWS) throw new Error(`removed ${r.removed}`);
  },
  async baseline() {
    await db!.db.delete(shiftsTable).where(sql`${shiftsTable.importId} = ${importId}::uuid`);
  },
  async teardown() {
    await db?.close();
    db = null;
  },
};

export const cases: BenchCase[] = [validateCase, serviceCase, undoCase];
