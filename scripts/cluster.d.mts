/** Types of cluster.mjs (plain JavaScript: the start scripts run without a compiler). */
export function runCluster(options: { exec: string; args?: string[]; execArgv?: string[]; count: number }): void;
