/** Display helpers shared by tables and charts; values are instants (ms) shown in a zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, ...options });
    formatters.set(key, f);
  }
  return f;
}

export function formatClock(t: number, zone: string): string {
  return formatter(zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);
}

export function formatDayShort(t: number, zone: string): string {
  return formatter(zone, { weekday: "short", day: "numeric", month: "short" }).format(t);
}

export function formatDayClock(t: number, zone: string): string {
  return formatter(zone, { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);
}

export function formatDayDateClock(t: number, zone: string): string {
  return formatter(zone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);
}

/**
 * Day keys are few and repeat on every render (the gap table's rows, the heatmap's
 * columns: ~30 a coverage page, the same ones each request), and formatting one is
 * an Intl call: each key is worded once. Bounded, the oldest dropped first.
 */
const dateKeyWords = new Map<string, string>();

export function formatDateKey(key: string): string {
  let out = dateKeyWords.get(key);
  if (out === undefined) {
    const [y, m, d] = key.split("-").map(Number);
    out = formatter("UTC", { weekday: "short", day: "numeric", month: "short" }).format(Date.UTC(y, m - 1, d));
    if (dateKeyWords.size >= 4_096) dateKeyWords.delete(dateKeyWords.keys().next().value as string);
    dateKeyWords.set(key, out);
  }
  return out;
}

export function formatHours(h: number): string {
  return `${h.toFixed(1)} h`;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? "—" : `${Math.round(ratio * 100)} %`;
}

export function formatAgents(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : "—";
}
