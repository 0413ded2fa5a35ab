/**
 * Contact history (volumes and handle times per skill and interval) as the forecast rows
 * our demand import turns into required agents by Erlang C. Pure.
 *
 * Decision: history arrives in 15- or 30-minute (or hourly) intervals; our grid is 15
 * minutes, so a longer interval's contacts are spread evenly over its quarter-hours at
 * the same handle time. Offered contacts are the volume (abandoned contacts were demand
 * too); intervals with no contacts are left out, as the demand import leaves them.
 */
export interface HistoryInterval {
  skillId: string;
  /** epoch ms */
  intervalStart: number;
  intervalMinutes: number;
  offered: number;
  averageHandleTimeSeconds: number;
}

export interface ForecastRowOut {
  skillId: string;
  /** ISO instant on the 15-minute grid. */
  intervalStart: string;
  offeredContacts: number;
  ahtSeconds: number;
}

const QUARTER_MS = 15 * 60_000;

/** historyToForecastRows([{…30 min, 20 contacts}]) → two quarter-hours of 10 contacts each. */
export function historyToForecastRows(history: readonly HistoryInterval[]): ForecastRowOut[] {
  const byKey = new Map<string, { skillId: string; t: number; contacts: number; handleSeconds: number }>();
  for (const h of history) {
    if (!(h.offered > 0) || !(h.averageHandleTimeSeconds > 0)) continue;
    const parts = Math.max(1, Math.round(h.intervalMinutes / 15));
    const first = Math.floor(h.intervalStart / QUARTER_MS) * QUARTER_MS;
    for (let i = 0; i < parts; i++) {
      const t = first + i * QUARTER_MS;
      const key = `${h.skillId}|${t}`;
      const slot = byKey.get(key) ?? { skillId: h.skillId, t, contacts: 0, handleSeconds: 0 };
      const contacts = h.offered / parts;
      slot.contacts += contacts;
      slot.handleSeconds += contacts * h.averageHandleTimeSeconds;
      byKey.set(key, slot);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : a.t - b.t))
    .map((s) => ({
      skillId: s.skillId,
      intervalStart: new Date(s.t).toISOString().replace(".000Z", "Z"),
      offeredContacts: Math.round(s.contacts * 100) / 100,
      ahtSeconds: Math.round((s.handleSeconds / s.contacts) * 10) / 10,
    }));
}

/** The demand import's forecast CSV (skillId,intervalStart,offeredContacts,ahtSeconds). */
export function forecastCsv(rows: readonly ForecastRowOut[]): string {
  return ["skillId,intervalStart,offeredContacts,ahtSeconds", ...rows.map((r) => `${r.skillId},${r.intervalStart},${r.offeredContacts},${r.ahtSeconds}`)].join("\r\n") + "\r\n";
}
