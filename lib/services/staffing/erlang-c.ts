import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { averageSpeedOfAnswer, DEFAULT_STAFFING, requiredStaff } from "../../domain/erlang";

export interface ErlangCInput {
  intervalMinutes: number;
  serviceLevelTarget: number;
  serviceLevelSeconds: number;
  maxOccupancy?: number;
  shrinkage?: number;
  intervals: { start?: string; contacts: number; ahtSeconds: number }[];
}

export interface ErlangCInterval {
  start: string | null;
  contacts: number;
  ahtSeconds: number;
  trafficErlangs: number;
  /** Agents on the phones. */
  agents: number;
  /** Agents to schedule once shrinkage takes its share. */
  scheduled: number;
  serviceLevel: number;
  /** Seconds; null when the target cannot be reached (the queue would not drain). */
  asaSeconds: number | null;
  occupancy: number;
  reachable: boolean;
}

export interface ErlangCResult {
  settings: { intervalMinutes: number; serviceLevelTarget: number; serviceLevelSeconds: number; maxOccupancy: number; shrinkage: number };
  intervals: ErlangCInterval[];
  peak: { agents: number; scheduled: number };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Staffing per interval by Erlang C: the same engine (lib/domain/erlang) the demand import
 * turns forecasts with, so a script's answer and the dashboard's required agents agree.
 * Max occupancy and shrinkage default to the house defaults (85 %, 30 %).
 */
export function calculateErlangC(user: CurrentUser, input: ErlangCInput): ErlangCResult {
  assertCan(user, "staffing.calculate");
  const settings = {
    serviceLevelTarget: input.serviceLevelTarget,
    serviceLevelSeconds: input.serviceLevelSeconds,
    maxOccupancy: input.maxOccupancy ?? DEFAULT_STAFFING.maxOccupancy,
    shrinkage: input.shrinkage ?? DEFAULT_STAFFING.shrinkage,
  };
  const intervalSeconds = input.intervalMinutes * 60;
  const intervals = input.intervals.map((i): ErlangCInterval => {
    const r = requiredStaff(i.contacts, i.ahtSeconds, intervalSeconds, settings);
    const asa = r.agents > 0 ? averageSpeedOfAnswer(r.agents, r.trafficErlangs, i.ahtSeconds) : 0;
    return {
      start: i.start ?? null,
      contacts: i.contacts,
      ahtSeconds: i.ahtSeconds,
      trafficErlangs: round(r.trafficErlangs, 4),
      agents: r.agents,
      scheduled: r.scheduled,
      serviceLevel: round(r.serviceLevel, 4),
      asaSeconds: Number.isFinite(asa) && r.flag === null ? round(asa, 2) : null,
      occupancy: round(r.occupancy, 4),
      reachable: r.flag === null,
    };
  });
  return {
    settings: { intervalMinutes: input.intervalMinutes, ...settings },
    intervals,
    peak: { agents: Math.max(0, ...intervals.map((i) => i.agents)), scheduled: Math.max(0, ...intervals.map((i) => i.scheduled)) },
  };
}
