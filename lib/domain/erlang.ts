/**
 * Erlang C staffing: how many agents on the phones an interval needs to answer
 * `serviceLevelTarget` of its contacts within `serviceLevelSeconds`, without running
 * them above `maxOccupancy`, and how many to schedule once shrinkage takes its share.
 *
 * Erlang B comes from the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)),
 * so there are no factorials or powers of A and nothing overflows at thousands of
 * Erlangs; B is carried forward while n grows, so one interval costs O(n).
 */

export interface StaffingSettings {
  /** Fraction of contacts answered within `serviceLevelSeconds` (0.8 = 80 %). */
  serviceLevelTarget: number;
  serviceLevelSeconds: number;
  /** Highest acceptable A/n: keeps agents from burning out on long queues. */
  maxOccupancy: number;
  /** Fraction of paid time off the phones (breaks, meetings, absence): 0.30. */
  shrinkage: number;
}

/** 80 % in 20 s, 85 % max occupancy, 30 % shrinkage. */
export const DEFAULT_STAFFING: Readonly<StaffingSettings> = Object.freeze({
  serviceLevelTarget: 0.8,
  serviceLevelSeconds: 20,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
});

export type StaffingFlag = null | "UNREACHABLE";

export interface StaffingResult {
  /** Offered traffic A = contacts × AHT / interval length. */
  trafficErlangs: number;
  /** Agents on the phones (n). */
  agents: number;
  /** Agents to schedule: ceil(n / (1 − shrinkage)). */
  scheduled: number;
  /** Service level achieved with `agents`. */
  serviceLevel: number;
  /** A / agents. */
  occupancy: number;
  /**
   * "UNREACHABLE" for invalid input (all figures 0) or when no staffing up to the search
   * cap meets the target (the figures are those of the cap: a floor on the real need).
   */
  flag: StaffingFlag;
}

/** Series form: flags[i] is FLAG_OK or FLAG_UNREACHABLE. */
export interface StaffingSeries {
  agents: Float64Array;
  scheduled: Float64Array;
  flags: Uint8Array;
}

export const FLAG_OK = 0;
export const FLAG_UNREACHABLE = 1;

/** Beyond this the forecast is surely bad data; the search would also take too long. */
const MAX_TRAFFIC_ERLANGS = 1_000_000;
/** Float slack so a target met "exactly" (8.5 / 10 = 0.85) is not missed by rounding. */
const TOLERANCE = 1e-12;

/** trafficErlangs(100, 180, 1800) → 10 */
export function trafficErlangs(contacts: number, ahtSeconds: number, intervalSeconds: number): number {
  return (contacts * ahtSeconds) / intervalSeconds;
}

/** Erlang B blocking probability by the stable recursion: erlangB(12, 10) ≈ 0.1197. */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Probability a contact waits, from Erlang B; 1 when agents ≤ traffic (the queue never drains). */
function erlangCFromB(agents: number, traffic: number, b: number): number {
  if (agents <= traffic) return 1;
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Erlang C probability of waiting: erlangC(14, 10) ≈ 0.174. */
export function erlangC(agents: number, traffic: number): number {
  return erlangCFromB(agents, traffic, erlangB(agents, traffic));
}

function serviceLevelFromB(agents: number, traffic: number, b: number, slSeconds: number, ahtSeconds: number): number {
  if (agents <= traffic) return 0;
  const c = erlangCFromB(agents, traffic, b);
  return 1 - c * Math.exp((-(agents - traffic) * slSeconds) / ahtSeconds);
}

/** Share of contacts answered within `slSeconds`: serviceLevel(14, 10, 20, 180) ≈ 0.888. */
export function serviceLevel(agents: number, traffic: number, slSeconds: number, ahtSeconds: number): number {
  return serviceLevelFromB(agents, traffic, erlangB(agents, traffic), slSeconds, ahtSeconds);
}

function validSettings(s: StaffingSettings): boolean {
  return (
    Number.isFinite(s.serviceLevelTarget) &&
    s.serviceLevelTarget >= 0 &&
    // Erlang C never answers every contact in time: a 100 % target cannot be met.
    s.serviceLevelTarget < 1 &&
    Number.isFinite(s.serviceLevelSeconds) &&
    s.serviceLevelSeconds >= 0 &&
    Number.isFinite(s.maxOccupancy) &&
    s.maxOccupancy > 0 &&
    s.maxOccupancy <= 1 &&
    Number.isFinite(s.shrinkage) &&
    s.shrinkage >= 0 &&
    s.shrinkage < 1
  );
}

/**
 * Enough head-room for any target below 1: Erlang C falls off like a normal tail in
 * (n − A)/√A, so 10 √A above the occupancy floor is far past 1 − 1e-15.
 */
function searchCap(traffic: number, maxOccupancy: number): number {
  return Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy)) + Math.ceil(10 * Math.sqrt(traffic)) + 100;
}

function scheduledFor(agents: number, shrinkage: number): number {
  // 14 / 0.7 is 20.000000000000004 in floating point: do not let that become 21.
  return agents === 0 ? 0 : Math.ceil(agents / (1 - shrinkage) - 1e-9);
}

const INVALID: Readonly<StaffingResult> = {
  trafficErlangs: 0,
  agents: 0,
  scheduled: 0,
  serviceLevel: 0,
  occupancy: 0,
  flag: "UNREACHABLE",
};

const NO_CONTACTS: Readonly<StaffingResult> = {
  trafficErlangs: 0,
  agents: 0,
  scheduled: 0,
  serviceLevel: 1,
  occupancy: 0,
  flag: null,
};

/** Input checks shared by the fast and naive searches; returns the traffic or a final answer. */
function prepare(
  contacts: number,
  ahtSeconds: number,
  intervalSeconds: number,
  settings: StaffingSettings,
): number | StaffingResult {
  if (!validSettings(settings) || !Number.isFinite(intervalSeconds) || intervalSeconds <= 0) return { ...INVALID };
  if (!Number.isFinite(contacts) || contacts < 0) return { ...INVALID };
  // Forecasts carry AHT 0 on empty night intervals: with no contacts there is no work.
  if (contacts === 0) return { ...NO_CONTACTS };
  if (!Number.isFinite(ahtSeconds) || ahtSeconds <= 0) return { ...INVALID };
  const traffic = trafficErlangs(contacts, ahtSeconds, intervalSeconds);
  if (!Number.isFinite(traffic)) return { ...INVALID };
  if (traffic > MAX_TRAFFIC_ERLANGS) {
    const floor = Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / settings.maxOccupancy));
    return {
      trafficErlangs: traffic,
      agents: floor,
      scheduled: scheduledFor(floor, settings.shrinkage),
      serviceLevel: 0,
      occupancy: traffic / floor,
      flag: "UNREACHABLE",
    };
  }
  return traffic;
}

function meets(n: number, traffic: number, sl: number, settings: StaffingSettings): boolean {
  return n > traffic && traffic / n <= settings.maxOccupancy + TOLERANCE && sl >= settings.serviceLevelTarget - TOLERANCE;
}

function result(n: number, traffic: number, sl: number, settings: StaffingSettings, flag: StaffingFlag): StaffingResult {
  return {
    trafficErlangs: traffic,
    agents: n,
    scheduled: scheduledFor(n, settings.shrinkage),
    serviceLevel: sl,
    occupancy: traffic / n,
    flag,
  };
}

/**
 * Agents needed for one interval by Erlang C.
 * requiredStaff(100, 180, 1800) → 14 agents (SL ≈ 88.8 %), 20 scheduled.
 */
export function requiredStaff(
  contacts: number,
  ahtSeconds: number,
  intervalSeconds: number,
  settings: StaffingSettings = DEFAULT_STAFFING,
): StaffingResult {
  const prepared = prepare(contacts, ahtSeconds, intervalSeconds, settings);
  if (typeof prepared !== "number") return prepared;
  const traffic = prepared;
  const cap = searchCap(traffic, settings.maxOccupancy);
  const slSeconds = settings.serviceLevelSeconds;
  let b = 1;
  let sl = 0;
  // B(n) comes from B(n−1): every candidate costs one step, never a recomputation from 0.
  for (let n = 1; n <= cap; n++) {
    b = (traffic * b) / (n + traffic * b);
    if (n <= traffic) continue;
    sl = serviceLevelFromB(n, traffic, b, slSeconds, ahtSeconds);
    if (meets(n, traffic, sl, settings)) return result(n, traffic, sl, settings, null);
  }
  return result(cap, traffic, sl, settings, "UNREACHABLE");
}

/**
 * The textbook search that recomputes Erlang B from 0 for every candidate n: O(n²).
 * Only the benchmark baseline and a cross-check of requiredStaff; never use it in the app.
 */
export function requiredStaffNaive(
  contacts: number,
  ahtSeconds: number,
  intervalSeconds: number,
  settings: StaffingSettings = DEFAULT_STAFFING,
): StaffingResult {
  const prepared = prepare(contacts, ahtSeconds, intervalSeconds, settings);
  if (typeof prepared !== "number") return prepared;
  const traffic = prepared;
  const cap = searchCap(traffic, settings.maxOccupancy);
  let sl = 0;
  for (let n = Math.floor(traffic) + 1; n <= cap; n++) {
    sl = serviceLevelFromB(n, traffic, erlangB(n, traffic), settings.serviceLevelSeconds, ahtSeconds);
    if (meets(n, traffic, sl, settings)) return result(n, traffic, sl, settings, null);
  }
  return result(cap, traffic, sl, settings, "UNREACHABLE");
}

/**
 * requiredStaff over a series of intervals (one skill's forecast).
 * Missing AHT entries count as invalid input, so the interval is flagged rather than guessed.
 */
export function requiredStaffSeries(
  contacts: ArrayLike<number>,
  ahtSeconds: ArrayLike<number>,
  intervalSeconds: number,
  settings: StaffingSettings = DEFAULT_STAFFING,
): StaffingSeries {
  const count = contacts.length;
  const agents = new Float64Array(count);
  const scheduled = new Float64Array(count);
  const flags = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const aht = i < ahtSeconds.length ? ahtSeconds[i] : Number.NaN;
    const r = requiredStaff(contacts[i], aht, intervalSeconds, settings);
    agents[i] = r.agents;
    scheduled[i] = r.scheduled;
    flags[i] = r.flag === null ? FLAG_OK : FLAG_UNREACHABLE;
  }
  return { agents, scheduled, flags };
}

/**
 * Average speed of answer (seconds) with `agents` on `traffic` Erlangs: C(n, A) · AHT / (n − A).
 * averageSpeedOfAnswer(14, 10, 180) ≈ 7.84 s. Infinite when the queue never drains (n ≤ A);
 * 0 with no traffic.
 */
export function averageSpeedOfAnswer(agents: number, traffic: number, ahtSeconds: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return Number.POSITIVE_INFINITY;
  return (erlangC(agents, traffic) * ahtSeconds) / (agents - traffic);
}
