/**
 * Recognising header sets. Canonical headers match case- and separator-insensitively
 * (agentId = agent_id = "Agent ID"); CXone's template is recognised by its own
 * names; anything else needs a mapping, for which we suggest one (fuzzy) and give a
 * stable key so the UI can remember the planner's choice next time.
 */
import type { ColumnMapping, DemandColumnMapping, DemandField, ShiftField } from "../schemas/imports";
import { hash53 } from "./hash";

/** "Agent ID" → "agentid"; "shift_start" → "shiftstart". */
export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Canonical header names (normalized) for each field. */
const CANONICAL: Record<Exclude<ShiftField, "baseActivity">, string> = {
  agentId: "agentid",
  username: "username",
  start: "start",
  end: "end",
  timeZone: "timezone",
  skills: "skills",
  status: "status",
  breaks: "breaks",
  siteId: "siteid",
  notes: "notes",
};

/** CXone's import template (normalized). */
const CXONE: Partial<Record<ShiftField, string>> = {
  username: "username",
  start: "shiftstartdateandtime",
  end: "shiftenddateandtime",
  timeZone: "localtimezone",
  baseActivity: "baseactivityname",
  notes: "shiftnotes",
};

const ACTIVITY_HEADER = /^activity(\d+)(name|startdateandtime|enddateandtime)$/;

/** CXone activity columns: `Activity 1 Name`, `Activity 1 Start Date and Time`, `Activity 1 End Date and Time`. */
export interface ActivityColumns {
  index: number;
  name: number;
  start: number;
  end: number;
}

/** Finds complete activity column triples by header position, in activity order. */
export function findActivityColumns(headers: readonly string[]): ActivityColumns[] {
  const byIndex = new Map<number, { name: number; start: number; end: number }>();
  headers.forEach((h, col) => {
    const m = ACTIVITY_HEADER.exec(normalizeHeader(h));
    if (!m) return;
    const n = Number(m[1]);
    const slot = byIndex.get(n) ?? { name: -1, start: -1, end: -1 };
    if (m[2] === "name") slot.name = col;
    else if (m[2] === "startdateandtime") slot.start = col;
    else slot.end = col;
    byIndex.set(n, slot);
  });
  return [...byIndex.entries()]
    .filter(([, s]) => s.name >= 0 && s.start >= 0 && s.end >= 0)
    .sort((a, b) => a[0] - b[0])
    .map(([index, s]) => ({ index, ...s }));
}

export function isActivityHeader(h: string): boolean {
  return ACTIVITY_HEADER.test(normalizeHeader(h));
}

export type ShiftFormatDetection =
  | { format: "canonical" | "cxone"; mapping: ColumnMapping }
  | { format: "unknown"; headers: string[]; suggested: Partial<ColumnMapping> };

function firstHeader(headers: readonly string[], normalized: readonly string[], name: string): string | undefined {
  const i = normalized.indexOf(name);
  return i < 0 ? undefined : headers[i];
}

/**
 * detectShiftFormat(["Agent ID","Start","End"]) → canonical;
 * detectShiftFormat(["Username","Shift Start Date and Time",…]) → cxone; else unknown with a suggestion.
 */
export function detectShiftFormat(headers: string[]): ShiftFormatDetection {
  const normalized = headers.map(normalizeHeader);
  const has = (n: string) => normalized.includes(n);
  if (has(CXONE.username!) && has(CXONE.start!) && has(CXONE.end!)) {
    const mapping: ColumnMapping = {};
    for (const [field, name] of Object.entries(CXONE) as [ShiftField, string][]) {
      const h = firstHeader(headers, normalized, name);
      if (h !== undefined) mapping[field] = h;
    }
    return { format: "cxone", mapping };
  }
  if ((has("agentid") || has("username")) && has("start") && has("end")) {
    const mapping: ColumnMapping = {};
    for (const [field, name] of Object.entries(CANONICAL) as [ShiftField, string][]) {
      const h = firstHeader(headers, normalized, name);
      if (h !== undefined) mapping[field] = h;
    }
    return { format: "canonical", mapping };
  }
  return { format: "unknown", headers: [...headers], suggested: suggestShiftMapping(headers) };
}

/** Names planners' own exports use for each field (normalized), best first. */
const SHIFT_SYNONYMS: Record<ShiftField, string[]> = {
  agentId: ["agentid", "agent", "employeeid", "empid", "staffid", "agentnumber", "agentcode", "employee", "workerid"],
  username: ["username", "user", "login", "userid", "email", "agentemail", "agentusername"],
  start: ["start", "shiftstart", "starttime", "startdatetime", "shiftstartdateandtime", "begin", "from", "startsat", "startdate"],
  end: ["end", "shiftend", "endtime", "enddatetime", "shiftenddateandtime", "finish", "to", "endsat", "enddate"],
  timeZone: ["timezone", "tz", "zone", "localtimezone", "timezoneid"],
  skills: ["skills", "skill", "skillset", "skillids", "queues"],
  status: ["status", "state", "publishstatus", "shiftstatus"],
  breaks: ["breaks", "break", "breakschedule", "breaktimes"],
  siteId: ["siteid", "site", "location", "locationid", "sitecode"],
  notes: ["notes", "note", "comment", "comments", "shiftnotes", "remarks", "description"],
  baseActivity: ["baseactivityname", "baseactivity", "activity"],
};

const DEMAND_SYNONYMS: Record<DemandField, string[]> = {
  skillId: ["skillid", "skill", "queue", "queueid", "skillname"],
  siteId: ["siteid", "site", "location", "locationid", "sitename"],
  intervalStart: ["intervalstart", "interval", "start", "starttime", "datetime", "timestamp", "period"],
  offeredContacts: ["offeredcontacts", "contacts", "offered", "volume", "calls", "offeredcalls", "forecastcontacts"],
  ahtSeconds: ["ahtseconds", "aht", "averagehandletime", "handletime", "ahts"],
  requiredAgents: ["requiredagents", "required", "agents", "requiredstaff", "fte", "staff", "headcount"],
};

/** Similarity in [0, 1] of two normalized names: equality, containment, then edit distance. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 3 && b.length >= 3 && (a.includes(b) || b.includes(a))) {
    return 0.7 + 0.2 * (Math.min(a.length, b.length) / Math.max(a.length, b.length));
  }
  const d = levenshtein(a, b);
  return Math.max(0, 1 - d / Math.max(a.length, b.length)) * 0.85;
}

function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

const SUGGEST_THRESHOLD = 0.6;

/** Greedy best-first assignment of headers to fields; each header serves one field. */
function suggest<F extends string>(headers: readonly string[], synonyms: Record<F, string[]>): Partial<Record<F, string>> {
  const normalized = headers.map(normalizeHeader);
  const pairs: { field: F; col: number; score: number }[] = [];
  for (const field of Object.keys(synonyms) as F[]) {
    normalized.forEach((h, col) => {
      if (h === "" || isActivityHeader(headers[col])) return;
      let score = 0;
      synonyms[field].forEach((syn, rank) => {
        score = Math.max(score, similarity(h, syn) - rank * 0.001);
      });
      if (score >= SUGGEST_THRESHOLD) pairs.push({ field, col, score });
    });
  }
  pairs.sort((x, y) => y.score - x.score || x.col - y.col);
  const out: Partial<Record<F, string>> = {};
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (out[p.field] !== undefined || usedCols.has(p.col)) continue;
    out[p.field] = headers[p.col];
    usedCols.add(p.col);
  }
  return out;
}

/** suggestShiftMapping(["Employee ID","Shift Start","Shift End"]) → {agentId:"Employee ID", start:"Shift Start", end:"Shift End"} */
export function suggestShiftMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const s = suggest(headers, SHIFT_SYNONYMS);
  // An agent is named once: by id if the file has one, else by username.
  if (s.agentId && s.username) {
    const a = similarity(normalizeHeader(s.agentId), "agentid");
    const u = similarity(normalizeHeader(s.username), "username");
    if (a >= u) delete s.username;
    else delete s.agentId;
  }
  return s;
}

export function suggestDemandMapping(headers: readonly string[]): Partial<DemandColumnMapping> {
  return suggest(headers, DEMAND_SYNONYMS);
}

/**
 * A stable key for a header set, so a confirmed mapping can be remembered: the same
 * headers in any order, case or separator style give the same key.
 * headerSetKey(["Emp ID","Begin"]) === headerSetKey(["begin","emp_id"]) → "hs1-…"
 */
export function headerSetKey(headers: readonly string[]): string {
  const names = headers.map(normalizeHeader).filter((h) => h !== "");
  const sorted = [...new Set(names)].sort();
  return `hs1-${sorted.length}-${hash53(sorted.join("\u001f")).toString(16).padStart(14, "0")}`;
}

export type DemandFormatDetection =
  | { kind: "forecast" | "required"; mapping: DemandColumnMapping; ignored: string[] }
  | { kind: "unknown"; headers: string[]; suggested: Partial<DemandColumnMapping> };

/**
 * Forecast (skillId, intervalStart, offeredContacts, ahtSeconds) or required agents
 * (skillId, intervalStart, requiredAgents). A file with both reads as required agents:
 * an explicit staffing figure wins over one we would derive.
 */
export function detectDemandFormat(headers: string[]): DemandFormatDetection {
  const normalized = headers.map(normalizeHeader);
  const h = (n: string) => firstHeader(headers, normalized, n);
  const skillId = h("skillid");
  const intervalStart = h("intervalstart");
  const required = h("requiredagents");
  const contacts = h("offeredcontacts");
  const aht = h("ahtseconds");
  // Optional: demand per skill and site (a site's own queue); without it, shared by every site.
  const site = h("siteid") ?? h("site");
  const siteMap = site ? { siteId: site } : {};
  if (skillId && intervalStart && required) {
    return {
      kind: "required",
      mapping: { skillId, ...siteMap, intervalStart, requiredAgents: required },
      ignored: [contacts, aht].filter((x): x is string => !!x),
    };
  }
  if (skillId && intervalStart && contacts && aht) {
    return { kind: "forecast", mapping: { skillId, ...siteMap, intervalStart, offeredContacts: contacts, ahtSeconds: aht }, ignored: [] };
  }
  return { kind: "unknown", headers: [...headers], suggested: suggestDemandMapping(headers) };
}
