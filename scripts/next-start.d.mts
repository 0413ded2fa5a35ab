/** Types of next-start.mjs (plain JavaScript: the start scripts run without a compiler). */
export const SERVER_NODE_FLAGS: string[];
export const NEXT_BIN: string;
export function nextStartArgs(port: number | string, host: string): string[];
export function dashboardProcesses(env: Record<string, string | undefined>, cores: number): number;
