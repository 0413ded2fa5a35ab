/**
 * Explanations in words for agents: what they got, and why each better choice escaped
 * them. Example: "You got your 3rd choice, Mon–Fri 08:00–16:30 NYC. Your 1st and 2nd
 * choices were filled by agents ranked above you: tier 1 (hired 2019-03-04), tier 1
 * (hired 2019-07-01)."
 */
import type { ZoneClock } from "../trades/calendar";
import { localTime } from "../trades/format";
import type { Agent, Instant } from "../types";
import type { BidLine, BidOutcome, BidReason, BidScope } from "./types";

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd" */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** ["1st", "2nd", "4th"] → "1st, 2nd and 4th" */
function joinWords(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

function choices(ranks: number[]): string {
  return `${ranks.length === 1 ? "choice" : "choices"}`;
}

function reasonGroupKey(r: BidReason): string {
  switch (r.kind) {
    case "TakenByHigherPriority":
      return r.takenBy.length > 0 && r.takenBy.every((t) => t.rankedAbove) ? "above" : "before";
    case "Awarded":
      return "awarded";
    case "Ineligible":
      return `inel:${r.message}`;
    case "ConstraintExceeded":
      return r.constraint === "maxLinesPerAgent" ? "limit" : `con:${r.message}`;
    case "LaborRule":
      return `labor:${r.message}`;
  }
}

function takersText(r: Extract<BidReason, { kind: "TakenByHigherPriority" }>): string {
  const parts = r.takenBy.map((t) => (t.via === "lock" ? `${t.standing} by a committed lock` : t.rankedAbove ? t.standing : `${t.standing} in wave ${t.wave}`));
  return [...new Set(parts)].join(", ");
}

export interface ExplainContext {
  scope: BidScope;
  lines: ReadonlyMap<string, BidLine>;
  agent: Agent | undefined;
  clock: ZoneClock;
  closesAt: Instant;
}

export function explainOutcome(outcome: BidOutcome, ctx: ExplainContext): string {
  const prefs = outcome.preferences;
  const sentences: string[] = [];
  const positionOf = new Map(prefs.map((p, i) => [p.lineId, i + 1]));
  const label = (lineId: string) => ctx.lines.get(lineId)?.label ?? lineId;
  const awarded = prefs.filter((p) => p.reason.kind === "Awarded");

  if (prefs.length > 0 && prefs.every((p) => p.reason.kind === "Ineligible" && p.reason.condition === "NotSubmitted")) {
    sentences.push("Your bid was still a draft when the window closed, so it was not considered.");
  } else if (prefs.length > 0 && prefs.every((p) => p.reason.kind === "Ineligible" && p.reason.condition === "SubmittedAfterClose")) {
    sentences.push("Your bid arrived after the window closed, so it was not considered.");
  } else {
    if (awarded.length > 0) {
      const got = awarded.map((p) => `your ${ordinal(positionOf.get(p.lineId)!)} choice, ${label(p.lineId)}${p.reason.kind === "Awarded" && p.reason.via === "lock" ? " (your committed lock)" : ""}`);
      sentences.push(`You got ${joinWords(got)}.`);
    } else if (outcome.lock?.awarded) {
      sentences.push(`You got ${label(outcome.lock.lineId)} through your committed lock.`);
    } else if (prefs.length > 0) {
      sentences.push(`You got none of your ${prefs.length} ${choices(prefs.map((p) => p.rank))}.`);
    } else {
      sentences.push("You ranked no lines.");
    }
    const firstAward = awarded.length ? positionOf.get(awarded[0].lineId)! : Infinity;
    // Group the choices that escaped the agent by the reason, in rank order.
    const groups = new Map<string, { positions: number[]; reason: BidReason }>();
    for (const p of prefs) {
      if (p.reason.kind === "Awarded") continue;
      const pos = positionOf.get(p.lineId)!;
      const key = reasonGroupKey(p.reason);
      if (key === "limit" && pos > firstAward) continue;
      const g = groups.get(key) ?? { positions: [], reason: p.reason.kind === "TakenByHigherPriority" ? { ...p.reason, takenBy: [] } : p.reason };
      g.positions.push(pos);
      if (g.reason.kind === "TakenByHigherPriority" && p.reason.kind === "TakenByHigherPriority") g.reason.takenBy.push(...p.reason.takenBy);
      groups.set(key, g);
    }
    for (const [key, g] of groups) {
      const which = `Your ${joinWords(g.positions.map(ordinal))} ${choices(g.positions)}`;
      const r = g.reason;
      if (r.kind === "TakenByHigherPriority") {
        sentences.push(
          key === "above"
            ? `${which} ${g.positions.length === 1 ? "was" : "were"} filled by agents ranked above you: ${takersText(r)}.`
            : `${which} ${g.positions.length === 1 ? "was" : "were"} filled before your turn: ${takersText(r)}.`,
        );
      } else if (r.kind === "Ineligible" || r.kind === "ConstraintExceeded" || r.kind === "LaborRule") {
        sentences.push(`${which}: ${r.message}.`);
      }
    }
  }
  if (outcome.lock && !outcome.lock.awarded) {
    const lineText = label(outcome.lock.lineId);
    if (outcome.lock.status === "committed" && outcome.lock.reason) {
      const r = outcome.lock.reason;
      sentences.push(`Your committed lock on ${lineText} could not be honoured: ${r.kind === "TakenByHigherPriority" || r.kind === "Awarded" ? "its slots were already taken" : r.message}.`);
    } else if (outcome.lock.status === "expired") {
      sentences.push(`Your lock on ${lineText} expired without a commitment and was released for others.`);
    } else if (outcome.lock.status === "releasedAtWaveEnd") {
      sentences.push(`Your lock on ${lineText} was never committed and was released when the window closed (${localTime(ctx.clock, ctx.closesAt, ctx.scope.window.timeZone)}).`);
    } else if (outcome.lock.status === "forceReleased") {
      sentences.push(`Your lock on ${lineText} was released by an administrator.`);
    }
  }
  return sentences.join(" ");
}
