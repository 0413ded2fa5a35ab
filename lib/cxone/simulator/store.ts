import "server-only";
/**
 * The simulator's in-memory tenant: roster, skills, sites, demand, shifts and
 * optimization jobs, with CXone-shaped operations over them. Coverage comes from the
 * project's engines (domain/coverage net split, domain/gaps daily roll-up) and
 * optimization from domain/optimize/greedy, so the simulator answers with the numbers
 * the dashboard itself would compute.
 */
import { randomUUID } from "node:crypto";
import { computeCoverage, gridFor, type CoverageGrid, type SkillCoverage } from "../../domain/coverage";
import { dailyRollup } from "../../domain/gaps";
import { SkillCatalog } from "../../domain/skills";
import { ceilToInterval, floorToInterval } from "../../domain/time";
import { INTERVAL_MS, type Agent, type Shift, type ShiftBreak, type Site, type SkillProficiency } from "../../domain/types";
import type { CxoneFieldError } from "../errors";
import type { CoverageGroupBy } from "../schemas";
import type { SimFaults } from "./faults";
export { SimHttpError, type SimData, type ImportOutcome, type CoverageWireItem } from "./store-support";
import {
  SimHttpError,
  MAX_BATCH,
  MAX_RANGE_DAYS,
  DAY_MS,
  ISO_WITH_OFFSET,
  DATE_ONLY,
  proficiencyOf,
  isoNoMillis,
  round2,
  shiftIndex,
  parseOptimizationRequest,
  greedyAnswer,
  type SimData,
  type ImportOutcome,
  type CoverageWireItem,
  type JobRecord,
} from "./store-support";

export class SimStore {
  sites: Site[] = [];
  catalog = new SkillCatalog([]);
  agents = new Map<string, Agent>();
  /** With a roster, unknown agents are refused; without one, any agent id is accepted. */
  rosterLoaded = false;
  /** skillId → intervalStart → required agents. */
  demand = new Map<string, Map<number, number>>();
  /** agentId → shifts sorted by start. */
  shifts = new Map<string, Shift[]>();
  private shiftSeq = 0;
  private jobs = new Map<string, JobRecord>();
  /** Bumped on every change of shifts or demand; keys the coverage cache. */
  version = 0;
  private coverageCache = new Map<string, CoverageWireItem[]>();
  /** Writes really applied (not validate-only) — what the tests count. */
  appliedImports = 0;

  constructor(
    private readonly now: () => number,
    private readonly timeZone: string,
  ) {}

  load(data: SimData): void {
    if (data.sites) this.sites = data.sites;
    if (data.skills) this.catalog = new SkillCatalog(data.skills);
    if (data.agents) {
      this.agents = new Map(data.agents.map((a) => [a.id, a]));
      this.rosterLoaded = data.agents.length > 0;
    }
    if (data.demand) {
      this.demand.clear();
      for (const d of data.demand) {
        let m = this.demand.get(d.skillId);
        if (!m) this.demand.set(d.skillId, (m = new Map()));
        m.set(d.intervalStart, (m.get(d.intervalStart) ?? 0) + d.requiredAgents);
      }
    }
    if (data.shifts) {
      this.shifts.clear();
      for (const s of data.shifts) {
        this.ensureAgent(s);
        this.insertShift({ ...s });
      }
    }
    this.touch();
  }

  shiftCount(): number {
    let n = 0;
    for (const list of this.shifts.values()) n += list.length;
    return n;
  }

  allShifts(): Shift[] {
    const out: Shift[] = [];
    for (const list of this.shifts.values()) out.push(...list);
    return out;
  }

  private touch(): void {
    this.version++;
    this.coverageCache.clear();
  }

  private insertShift(s: Shift): void {
    let list = this.shifts.get(s.agentId);
    if (!list) this.shifts.set(s.agentId, (list = []));
    const at = list.findIndex((x) => x.start > s.start);
    if (at < 0) list.push(s);
    else list.splice(at, 0, s);
  }

  // ------------------------------------------------------------------ import

  importShifts(body: unknown): ImportOutcome {
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw new SimHttpError(400, [{ code: "INVALID_BODY", message: "The body must be a JSON object {shifts, overwriteConflicts, validateOnly}" }]);
    }
    const b = body as Record<string, unknown>;
    if (!Array.isArray(b.shifts)) throw new SimHttpError(400, [{ field: "shifts", code: "REQUIRED", message: "shifts must be an array" }]);
    if (b.shifts.length > MAX_BATCH) {
      throw new SimHttpError(400, [{ field: "shifts", code: "BATCH_TOO_LARGE", message: `At most ${MAX_BATCH} shifts per request, got ${b.shifts.length}` }]);
    }
    for (const k of ["overwriteConflicts", "validateOnly"] as const) {
      if (b[k] !== undefined && typeof b[k] !== "boolean") throw new SimHttpError(400, [{ field: k, code: "INVALID_TYPE", message: `${k} must be true or false` }]);
    }
    const overwrite = b.overwriteConflicts === true;
    const validateOnly = b.validateOnly === true;

    const errors: CxoneFieldError[] = [];
    const accepted: { index: number; shift: Shift }[] = [];
    for (let i = 0; i < b.shifts.length; i++) {
      const r = this.parseShift(b.shifts[i], i);
      if ("errors" in r) errors.push(...r.errors);
      else accepted.push({ index: i, shift: r.shift });
    }

    // Conflicts: with another shift of the same request, then with the stored schedule.
    const valid: { index: number; shift: Shift; replaces: Shift[] }[] = [];
    const byAgent = new Map<string, { start: number; end: number; index: number }[]>();
    for (const { index, shift } of accepted) {
      const mine = byAgent.get(shift.agentId) ?? [];
      const clash = mine.find((o) => o.start < shift.end && o.end > shift.start);
      if (clash) {
        errors.push({ field: `shifts[${index}].startDate`, code: "DUPLICATE_IN_REQUEST", message: `Overlaps shifts[${clash.index}] of ${shift.agentId} in the same request` });
        continue;
      }
      mine.push({ start: shift.start, end: shift.end, index });
      byAgent.set(shift.agentId, mine);
      const stored = (this.shifts.get(shift.agentId) ?? []).filter((o) => o.start < shift.end && o.end > shift.start);
      const same = stored.filter((o) => o.start === shift.start && o.end === shift.end);
      const others = stored.filter((o) => !same.includes(o));
      if (others.length > 0 && !overwrite) {
        const o = others[0];
        errors.push({
          field: `shifts[${index}].startDate`,
          code: "SHIFT_CONFLICT",
          message: `Overlaps ${shift.agentId}'s shift ${isoNoMillis(o.start)}–${isoNoMillis(o.end)}; set overwriteConflicts to replace it`,
        });
        continue;
      }
      // Re-importing the same shift (agent, start, end) updates it instead of conflicting.
      valid.push({ index, shift, replaces: stored });
    }

    if (!validateOnly && valid.length > 0) {
      for (const { shift, replaces } of valid) {
        if (replaces.length) {
          const list = this.shifts.get(shift.agentId)!;
          this.shifts.set(shift.agentId, list.filter((x) => !replaces.includes(x)));
        }
        this.ensureAgent(shift);
        this.insertShift(shift);
      }
      this.appliedImports++;
      this.touch();
    }
    errors.sort((x, y) => shiftIndex(x) - shiftIndex(y));
    const processedCount = valid.length;
    const failedCount = b.shifts.length - processedCount;
    return {
      jobId: `wfm-import-${randomUUID()}`,
      processedCount,
      failedCount,
      status: failedCount === 0 ? (validateOnly ? "VALIDATED" : "COMPLETED") : processedCount === 0 ? "FAILED" : "PARTIAL",
      errors,
    };
  }

  private parseShift(raw: unknown, i: number): { shift: Shift } | { errors: CxoneFieldError[] } {
    const f = (field: string) => `shifts[${i}]${field ? `.${field}` : ""}`;
    const errors: CxoneFieldError[] = [];
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: [{ field: f(""), code: "INVALID_SHIFT", message: "A shift must be an object" }] };
    const s = raw as Record<string, unknown>;

    const agentId = typeof s.agentId === "string" ? s.agentId.trim() : "";
    if (!agentId) errors.push({ field: f("agentId"), code: "REQUIRED", message: "agentId is required" });
    else if (this.rosterLoaded && !this.agents.has(agentId)) errors.push({ field: f("agentId"), code: "UNKNOWN_AGENT", message: `No agent ${agentId} in this tenant` });

    const date = (key: "startDate" | "endDate"): number | null => {
      const v = s[key];
      if (typeof v !== "string" || !ISO_WITH_OFFSET.test(v) || Number.isNaN(Date.parse(v))) {
        errors.push({ field: f(key), code: "INVALID_DATE", message: `${key} must be ISO 8601 with an offset, e.g. 2026-03-02T09:00:00Z` });
        return null;
      }
      return Date.parse(v);
    };
    const start = date("startDate");
    const end = date("endDate");
    if (start !== null && end !== null) {
      if (end <= start) errors.push({ field: f("endDate"), code: "END_BEFORE_START", message: "endDate must be after startDate" });
      else if (end - start > DAY_MS) errors.push({ field: f("endDate"), code: "SHIFT_TOO_LONG", message: "A shift may not last more than 24 hours" });
    }

    const status = s.status ?? "DRAFT";
    if (status !== "PUBLISHED" && status !== "DRAFT") errors.push({ field: f("status"), code: "INVALID_STATUS", message: "status must be PUBLISHED or DRAFT" });

    const skills: SkillProficiency[] = [];
    if (s.skills !== undefined && !Array.isArray(s.skills)) errors.push({ field: f("skills"), code: "INVALID_TYPE", message: "skills must be an array" });
    else {
      for (const [j, k] of ((s.skills as unknown[]) ?? []).entries()) {
        const sk = k as Record<string, unknown> | null;
        const id = sk && typeof sk.skillId === "string" ? sk.skillId : "";
        if (!id) {
          errors.push({ field: f(`skills[${j}].skillId`), code: "REQUIRED", message: "skillId is required" });
          continue;
        }
        if (this.catalog.ids().length > 0 && !this.catalog.has(id)) {
          errors.push({ field: f(`skills[${j}].skillId`), code: "UNKNOWN_SKILL", message: `No skill ${id} in this tenant` });
          continue;
        }
        const p = proficiencyOf(sk!.proficiencyLevel);
        if (p === null) errors.push({ field: f(`skills[${j}].proficiencyLevel`), code: "INVALID_VALUE", message: `proficiencyLevel must be 1–5 or BEGINNER, INTERMEDIATE, ADVANCED, EXPERT (got ${JSON.stringify(sk!.proficiencyLevel)})` });
        else skills.push({ skillId: id, proficiency: p });
      }
    }

    const breaks: ShiftBreak[] = [];
    if (s.breaks !== undefined && !Array.isArray(s.breaks)) errors.push({ field: f("breaks"), code: "INVALID_TYPE", message: "breaks must be an array" });
    else {
      for (const [j, br] of ((s.breaks as unknown[]) ?? []).entries()) {
        const x = br as Record<string, unknown> | null;
        const off = x?.startTimeOffset;
        const dur = x?.duration;
        if (typeof off !== "number" || !Number.isFinite(off) || off < 0) {
          errors.push({ field: f(`breaks[${j}].startTimeOffset`), code: "INVALID_VALUE", message: "startTimeOffset must be seconds from the shift start (≥ 0)" });
          continue;
        }
        if (typeof dur !== "number" || !Number.isFinite(dur) || dur <= 0) {
          errors.push({ field: f(`breaks[${j}].duration`), code: "INVALID_VALUE", message: "duration must be a positive number of seconds" });
          continue;
        }
        if (start !== null && end !== null && end > start && (off + dur) * 1000 > end - start) {
          errors.push({ field: f(`breaks[${j}].startTimeOffset`), code: "BREAK_OUTSIDE_SHIFT", message: "The break ends after the shift" });
          continue;
        }
        // CXone breaks carry no paid flag: short ones (≤ 15 min) are the paid rest breaks.
        breaks.push({ startOffsetMinutes: off / 60, durationMinutes: dur / 60, paid: dur <= 900 });
      }
    }
    if (s.metadata !== undefined && (s.metadata === null || typeof s.metadata !== "object" || Array.isArray(s.metadata))) {
      errors.push({ field: f("metadata"), code: "INVALID_TYPE", message: "metadata must be an object" });
    }
    if (errors.length > 0 || start === null || end === null) return { errors };
    const agent = this.agents.get(agentId);
    const meta = (s.metadata ?? {}) as Record<string, unknown>;
    const siteId = typeof meta.siteId === "string" ? meta.siteId : (agent?.homeSiteId ?? "SIM");
    this.shiftSeq++;
    return {
      shift: { id: `sim-shift-${this.shiftSeq}`, agentId, siteId, start, end, skills, status: status as Shift["status"], breaks, version: 1 },
    };
  }

  /** Without a roster, an agent exists by virtue of being scheduled. */
  private ensureAgent(shift: Shift): void {
    if (this.agents.has(shift.agentId)) return;
    this.agents.set(shift.agentId, {
      id: shift.agentId,
      username: shift.agentId,
      name: shift.agentId,
      homeSiteId: shift.siteId,
      timeZone: this.timeZone,
      skills: shift.skills,
      attributes: {},
      hireDate: "2020-01-01",
      performanceRank: 1,
      contractHoursPerWeek: 40,
      availability: [],
    });
  }

  // ------------------------------------------------------------------ coverage

  /** Parses dateFrom/dateTo (ISO date-time with offset, or a date = whole UTC day) to a grid. */
  rangeFromQuery(dateFrom: string | null, dateTo: string | null): CoverageGrid {
    const bad = (field: string, message: string) => new SimHttpError(400, [{ field, code: "INVALID_DATE", message }]);
    const parse = (v: string | null, field: string, isEnd: boolean): number => {
      if (!v) throw bad(field, `${field} is required`);
      if (DATE_ONLY.test(v)) {
        const t = Date.parse(`${v}T00:00:00Z`);
        if (Number.isNaN(t)) throw bad(field, `${field} is not a date`);
        return isEnd ? t + DAY_MS : t;
      }
      if (!ISO_WITH_OFFSET.test(v) || Number.isNaN(Date.parse(v))) throw bad(field, `${field} must be YYYY-MM-DD or ISO 8601 with an offset`);
      return Date.parse(v);
    };
    const start = floorToInterval(parse(dateFrom, "dateFrom", false));
    // "…T23:59:59Z" means through the end of that day.
    const end = ceilToInterval(parse(dateTo, "dateTo", true));
    if (end <= start) throw new SimHttpError(400, [{ field: "dateTo", code: "INVALID_RANGE", message: "dateTo must be after dateFrom" }]);
    if (end - start > MAX_RANGE_DAYS * DAY_MS) {
      throw new SimHttpError(400, [{ field: "dateTo", code: "RANGE_TOO_LARGE", message: `At most ${MAX_RANGE_DAYS} days per request` }]);
    }
    return gridFor({ start, end });
  }

  requiredArrays(grid: CoverageGrid): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    const end = grid.start + grid.intervalCount * INTERVAL_MS;
    for (const [skillId, byInterval] of this.demand) {
      const arr = new Float64Array(grid.intervalCount);
      for (const [t, v] of byInterval) {
        if (t < grid.start || t >= end) continue;
        arr[Math.floor((t - grid.start) / INTERVAL_MS)] += v;
      }
      out.set(skillId, arr);
    }
    for (const id of this.catalog.ids()) if (!out.has(id)) out.set(id, new Float64Array(grid.intervalCount));
    return out;
  }

  coverage(grid: CoverageGrid): Map<string, SkillCoverage> {
    return computeCoverage({ grid, shifts: this.allShifts(), agents: this.agents, catalog: this.catalog, required: this.requiredArrays(grid) });
  }

  /** All coverage items of a query (cached until the schedule changes). */
  coverageItems(grid: CoverageGrid, groupBy: CoverageGroupBy): CoverageWireItem[] {
    const key = `${grid.start}:${grid.intervalCount}:${groupBy}`;
    const hit = this.coverageCache.get(key);
    if (hit) return hit;
    const cov = this.coverage(grid);
    const items: CoverageWireItem[] = [];
    const skillIds = [...cov.keys()].sort();
    for (const skillId of skillIds) {
      const c = cov.get(skillId)!;
      if (groupBy === "timeBlock") {
        for (let i = 0; i < grid.intervalCount; i++) {
          const r = c.required[i];
          const s = c.net[i];
          if (r <= 0 && s <= 0) continue;
          const t = grid.start + i * INTERVAL_MS;
          items.push({
            skillId,
            requiredHours: round2(r / 4),
            availableHours: round2(s / 4),
            coveredHours: round2(Math.min(r, s) / 4),
            deficitHours: round2(Math.max(0, r - s) / 4),
            dateRange: { start: isoNoMillis(t), end: isoNoMillis(t + INTERVAL_MS - 1000) },
          });
        }
        continue;
      }
      for (const day of dailyRollup(skillId, grid, c.required, c.net, this.timeZone)) {
        items.push({
          skillId,
          ...(groupBy === "queue" ? { queueId: `Q-${skillId}` } : {}),
          requiredHours: round2(day.requiredHours),
          availableHours: round2(day.availableHours),
          coveredHours: round2(day.coveredHours),
          deficitHours: round2(day.deficitHours),
          dateRange: { start: isoNoMillis(day.start), end: isoNoMillis(day.end - 1000) },
        });
      }
    }
    this.coverageCache.set(key, items);
    return items;
  }

  // ------------------------------------------------------------------ optimization

  startOptimization(body: unknown, faults: SimFaults["job"]): { jobId: string; status: "QUEUED" } {
    const req = parseOptimizationRequest(body, this.catalog);
    // The job sees the schedule as it is now.
    const shifts = this.allShifts();
    const agents = [...this.agents.values()];
    const grid = gridFor({ start: Date.parse(req.dateRange.start), end: Date.parse(req.dateRange.end) });
    const required = this.requiredArrays(grid);
    const sites = this.sites;
    const catalog = this.catalog;
    const jobId = `opt-${randomUUID()}`;
    this.jobs.set(jobId, {
      jobId,
      createdAt: this.now(),
      fault: { ...faults },
      compute: () => greedyAnswer({ grid, agents, sites, catalog, shifts, required, request: req }),
    });
    return { jobId, status: "QUEUED" };
  }

  /** The job as its clock says it is now; the result is computed once, when first due. */
  job(jobId: string): Record<string, unknown> | null {
    const j = this.jobs.get(jobId);
    if (!j) return null;
    const age = this.now() - j.createdAt;
    const { queuedMs, runningMs, neverCompletes, fails, failMessage } = j.fault;
    if (age < queuedMs) return { jobId, status: "QUEUED" };
    if (neverCompletes || age < queuedMs + runningMs) return { jobId, status: "RUNNING" };
    if (fails) return { jobId, status: "FAILED", errorMessage: failMessage };
    if (j.result === undefined && j.error === undefined) {
      try {
        j.result = j.compute();
      } catch (err) {
        j.error = `Optimization engine error: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    if (j.error) return { jobId, status: "FAILED", errorMessage: j.error };
    return { jobId, status: "COMPLETED", result: j.result };
  }

  jobCount(): number {
    return this.jobs.size;
  }
}
