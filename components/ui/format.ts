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

export function formatDateKey(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return formatter("UTC", { weekday: "short", day: "numeric", month: "short" }).format(Date.UTC(y, m - 1, d));
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
