/**
 * Validation messages in the screen's words, next to the input they are about: a form
 * checks its payload with the same zod schema the server action uses, and each issue is
 * turned into a sentence that starts with the input's label ("Notice (hours) must be 0 or
 * more.") instead of the field key and zod's text ("minHoursInFuture: Too small: …").
 * Every issue is kept, not only the first.
 */
import type { z } from "zod";

export interface FieldLabel {
  /** The label as the screen shows it. */
  label: string;
  /** The input shows value × scale (a fraction edited as a percentage: 100). */
  scale?: number;
  /** Unit after a number in the message (" %"). */
  unit?: string;
}

/** Path pattern → label; numbers in a path match "*" ("criticalPeriods.*.start"), and a function receives them. */
export type FieldLabels = Record<string, FieldLabel | ((indexes: number[]) => FieldLabel)>;

/** Messages per path ("tradeRateLimit.windowHours"); "" holds the ones about no input in particular. */
export type FieldErrors = Record<string, string[]>;

function labelFor(path: readonly PropertyKey[], labels: FieldLabels): { key: string; label: FieldLabel | null } {
  const key = path.map(String).join(".");
  const indexes = path.filter((p): p is number => typeof p === "number");
  const pattern = path.map((p) => (typeof p === "number" ? "*" : String(p))).join(".");
  const entry = labels[key] ?? labels[pattern];
  return { key, label: entry ? (typeof entry === "function" ? entry(indexes) : entry) : null };
}

const show = (n: number | bigint, l: FieldLabel) => {
  const v = Number(n) * (l.scale ?? 1);
  return `${Math.round(v * 1000) / 1000}${l.unit ?? ""}`;
};

/** zod's own texts ("Too small: expected number to be >=0") are not for planners; a schema's own message is. */
const isZodDefault = (message: string) => /^(Invalid|Too (small|big)|Expected)\b/.test(message);

/**
 * A schema's own sentence with its field keys put in the screen's words: "receiverAgentId
 * must be a different agent than initiatorAgentId." → "Receiving agent must be a different
 * agent than Initiating agent." (no label in front when the sentence already starts with it).
 */
function inScreenWords(message: string, name: string, keys: ReadonlyMap<string, string> | undefined): string {
  let text = message;
  if (keys) for (const [key, words] of keys) text = text.replace(new RegExp(`\\b${key}\\b`, "g"), words);
  return text.startsWith(name) ? text : `${name}: ${text}`;
}

/** One sentence for one issue, starting with the label. */
export function describeIssue(issue: z.core.$ZodIssue, label: FieldLabel, keys?: ReadonlyMap<string, string>): string {
  const name = label.label;
  if (!isZodDefault(issue.message)) return inScreenWords(issue.message, name, keys);
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return `${name} must be a whole number.`;
      return issue.expected === "number" ? `${name} must be a number.` : `${name} is missing or not valid.`;
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array") return Number(issue.minimum) <= 1 ? `${name} is required.` : `${name} needs at least ${issue.minimum} characters.`;
      return issue.inclusive === false ? `${name} must be above ${show(issue.minimum, label)}.` : `${name} must be ${show(issue.minimum, label)} or more.`;
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array") return `${name} is too long (at most ${issue.maximum}).`;
      return issue.inclusive === false ? `${name} must be below ${show(issue.maximum, label)}.` : `${name} must be ${show(issue.maximum, label)} or less.`;
    case "not_multiple_of":
      return `${name} must be a multiple of ${show(issue.divisor, label)}.`;
    default:
      return `${name} is not valid.`;
  }
}

/** Every issue of a failed parse, grouped by the input it belongs to, in the screen's words. */
export function fieldErrors(error: z.ZodError, labels: FieldLabels): FieldErrors {
  const out: FieldErrors = {};
  // Plain field keys and their labels, to put a schema's sentences in the screen's words.
  const keys = new Map(Object.entries(labels).flatMap(([k, v]) => (typeof v === "function" || !/^\w+$/.test(k) ? [] : [[k, v.label] as [string, string]])));
  for (const issue of error.issues) {
    const { key, label } = labelFor(issue.path, labels);
    // Not an input of this form (a whole-form rule): the schema's own sentence, above the form.
    if (!label) (out[""] ??= []).push(isZodDefault(issue.message) ? "Some input is not valid." : issue.message);
    else (out[key] ??= []).push(describeIssue(issue, label, keys));
  }
  return out;
}

/** Props for an input with its messages: aria-invalid and the id of the text that explains. */
export function errorProps(errors: FieldErrors, key: string, id: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return errors[key]?.length ? { "aria-invalid": true, "aria-describedby": id } : {};
}
