/**
 * Our shifts as CXone's shift import template: the CSV the scheduling screen imports, and
 * the only shift push NICE documents publicly. Pure and browser-safe.
 *
 * Decisions:
 * - Columns are exactly those our own import recognises as CXone's (lib/csv/headers.ts), so
 *   a generated file reads back through parseShiftCsv unchanged in agent, start, end, breaks
 *   and notes.
 * - The template takes no commas inside fields and no quoting, so every field is made plain:
 *   commas become semicolons, line breaks and tabs become spaces, double quotes become single
 *   quotes, and a field that a spreadsheet would run as a formula (= + - @) gets a leading
 *   apostrophe. Each changed field is one warning naming the row, the column, before and after.
 * - Times are written on the site's clock with a fixed `UTC±hh:mm` zone cell taken at the
 *   shift's start: a fixed offset is never ambiguous, so a shift across a clock change still
 *   reads back to the same instants.
 * - Breaks become activities: paid breaks "Break", unpaid "Lunch" (CXone's names; our import
 *   reads both back as unpaid breaks: the paid flag lives in CXone's activity settings).
 * - The template has no skill or status columns: CXone takes skills from the agent's profile
 *   and the publish state from the scheduling unit (see publishStateText).
 */
import type { ShiftBreak } from "../domain/types";
import { instantToLocal, isValidTimeZone, offsetMinutes } from "../domain/time";
import { formatOffset } from "./zones";

export interface TemplateShift {
  agentId: string;
  /** The agent's CXone username; without one the agent id is written, with a warning. */
  username: string | null;
  /** IANA zone of the site the shift is worked at. */
  timeZone: string;
  start: number;
  end: number;
  breaks: readonly ShiftBreak[];
  notes?: string | null;
}

export interface TemplateWarning {
  /** Row of the generated file (header = 1). */
  row: number;
  column: string;
  code: "COMMA_REPLACED" | "TEXT_MADE_PLAIN" | "FORMULA_ESCAPED" | "NO_USERNAME" | "UNKNOWN_ZONE";
  before: string;
  after: string;
  message: string;
}

export type UnitPublishState = "published" | "unpublished" | "unknown";

export interface TemplateOptions {
  /** CXone's base activity for the shift body; default "Open". */
  baseActivity?: string;
  publishState?: UnitPublishState;
  /** The scheduling unit's name, for the instructions. */
  unitName?: string | null;
}

export interface CxoneTemplate {
  csv: string;
  rows: number;
  warnings: TemplateWarning[];
  /** What happens on import in the target unit (publishStateText). */
  publishState: string;
  /** Steps to import the file, publish state included. */
  instructions: string;
}

export const TEMPLATE_COLUMNS = [
  "Username",
  "Shift Start Date and Time",
  "Shift End Date and Time",
  "Local Time Zone",
  "Base Activity Name",
  "Shift Notes",
] as const;

export const activityColumns = (n: number): string[] => [
  `Activity ${n} Name`,
  `Activity ${n} Start Date and Time`,
  `Activity ${n} End Date and Time`,
];

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const FORMULA = /^[=+\-@]/;

/** `mm/dd/yyyy hh:mm:ss` of an instant at a fixed offset. */
function atOffset(ms: number, offsetMins: number): string {
  const l = instantToLocal(Math.round(ms / 1000) * 1000 + offsetMins * 60_000, "UTC");
  return `${two(l.month)}/${two(l.day)}/${l.year} ${two(l.hour)}:${two(l.minute)}:${two(l.second)}`;
}

/** Makes one field plain for the template; returns the value and the warning codes it earned. */
export function plainTemplateField(value: string): { value: string; codes: TemplateWarning["code"][] } {
  const codes: TemplateWarning["code"][] = [];
  let v = value;
  if (v.includes(",")) {
    v = v.replace(/\s*,\s*/g, "; ").replace(/;\s*$/, ";");
    codes.push("COMMA_REPLACED");
  }
  const plain = v.replace(/[\r\n\t]+/g, " ").replace(/"/g, "'");
  if (plain !== v) {
    v = plain;
    codes.push("TEXT_MADE_PLAIN");
  }
  if (FORMULA.test(v)) {
    v = `'${v}`;
    codes.push("FORMULA_ESCAPED");
  }
  return { value: v, codes };
}

const CODE_TEXT: Record<"COMMA_REPLACED" | "TEXT_MADE_PLAIN" | "FORMULA_ESCAPED", string> = {
  COMMA_REPLACED: "commas replaced by semicolons (the template takes no commas inside fields)",
  TEXT_MADE_PLAIN: "line breaks and double quotes made plain",
  FORMULA_ESCAPED: "a leading apostrophe added so a spreadsheet shows it as text",
};

/**
 * What importing does in the target scheduling unit. publishStateText("unpublished", "Tier 1")
 * → "…waits in the unpublished schedule until a supervisor publishes it…"
 */
export function publishStateText(state: UnitPublishState, unitName?: string | null): string {
  const unit = unitName ? `the scheduling unit "${unitName}"` : "the target scheduling unit";
  if (state === "unpublished") {
    return `${cap(unit)} is unpublished: the imported shifts wait in its schedule until a supervisor publishes it; agents see nothing before then.`;
  }
  if (state === "published") {
    return `${cap(unit)} is published: the imported shifts reach agents at once, with no further review in CXone.`;
  }
  return `Check whether ${unit} is published before importing: into an unpublished unit the shifts wait until a supervisor publishes them; into a published unit they reach agents at once.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Steps for the person importing the file in CXone. */
export function templateInstructions(rows: number, warnings: number, publishState: string): string {
  return [
    `This file holds ${rows} shift${rows === 1 ? "" : "s"} in CXone's shift import template.`,
    "1. In CXone, open the scheduling unit's schedule and choose the CSV import of the shift template.",
    "2. Select this file as it is: do not open and re-save it in a spreadsheet, which may add commas or quotes the import refuses.",
    "3. CXone checks usernames against its users and activity names (Open, Break, Lunch) against the unit's activities; fix any refused row in CXone or here and export again.",
    `4. ${publishState}`,
    "Skills come from each agent's CXone profile; the template carries none.",
    warnings > 0 ? `${warnings} field${warnings === 1 ? " was" : "s were"} changed to fit the template; see the warnings.` : "No field had to be changed.",
  ].join("\n");
}

/**
 * buildCxoneTemplate(shifts) → the template CSV (CRLF, no quoting), one row per shift in
 * start order, with a warning for each field changed and the import instructions.
 */
export function buildCxoneTemplate(shifts: readonly TemplateShift[], options: TemplateOptions = {}): CxoneTemplate {
  const warnings: TemplateWarning[] = [];
  const sorted = [...shifts].sort((a, b) => a.start - b.start || a.agentId.localeCompare(b.agentId));
  const maxBreaks = Math.max(0, ...sorted.map((s) => s.breaks.length));
  const header = [...TEMPLATE_COLUMNS, ...Array.from({ length: maxBreaks }, (_, i) => activityColumns(i + 1)).flat()];
  const base = plainTemplateField(options.baseActivity ?? "Open").value;

  const lines = [header.join(",")];
  sorted.forEach((s, i) => {
    const row = i + 2;
    const field = (column: string, raw: string): string => {
      const p = plainTemplateField(raw);
      for (const code of p.codes) {
        warnings.push({ row, column, code, before: raw, after: p.value, message: `Row ${row} (${column}): ${CODE_TEXT[code as keyof typeof CODE_TEXT]}: "${raw}" → "${p.value}".` });
      }
      return p.value;
    };
    let username = s.username?.trim() ?? "";
    if (username === "") {
      username = s.agentId;
      warnings.push({ row, column: "Username", code: "NO_USERNAME", before: "", after: s.agentId, message: `Row ${row} (Username): agent ${s.agentId} has no CXone username; the agent id is written instead.` });
    }
    let zone = s.timeZone;
    if (!isValidTimeZone(zone)) {
      warnings.push({ row, column: "Local Time Zone", code: "UNKNOWN_ZONE", before: zone, after: "UTC", message: `Row ${row} (Local Time Zone): "${zone}" is not a time zone; times are written in UTC.` });
      zone = "UTC";
    }
    const off = offsetMinutes(zone, s.start);
    const cells = [field("Username", username), atOffset(s.start, off), atOffset(s.end, off), `UTC${formatOffset(off)}`, base, field("Shift Notes", s.notes ?? "")];
    const breaks = [...s.breaks].sort((a, b) => a.startOffsetMinutes - b.startOffsetMinutes);
    for (let k = 0; k < maxBreaks; k++) {
      const b = breaks[k];
      if (!b) {
        cells.push("", "", "");
        continue;
      }
      const from = s.start + b.startOffsetMinutes * 60_000;
      cells.push(b.paid ? "Break" : "Lunch", atOffset(from, off), atOffset(from + b.durationMinutes * 60_000, off));
    }
    lines.push(cells.join(","));
  });
  const publishState = publishStateText(options.publishState ?? "unknown", options.unitName);
  return {
    csv: lines.join("\r\n") + "\r\n",
    rows: sorted.length,
    warnings,
    publishState,
    instructions: templateInstructions(sorted.length, warnings.length, publishState),
  };
}
