/**
 * What processes use, read from Linux /proc: resident memory and CPU time so far, of a
 * process and its descendants or of every process with one command name. For
 * scripts/load.mjs (a server's cost per answer, however busy the machine).
 */
import fs from "node:fs";

/** Every process now: parent, command name and CPU time (user + system) so far in ms. */
function processTable() {
  const table = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      // The command name is in parentheses and may itself hold spaces or parentheses.
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // USER_HZ is 100 on Linux: a tick is 10 ms.
      table.set(Number(d), { ppid: Number(fields[1]), comm, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** A process and its descendants, by id. */
function tree(table, rootPid) {
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident memory of a process and its descendants, in MiB. */
export function rssMiB(rootPid) {
  let kb = 0;
  for (const pid of tree(processTable(), rootPid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** CPU time (user + system) of a process and its descendants so far, in ms: what the server spent, however busy the machine. */
export function cpuMs(rootPid) {
  const table = processTable();
  return tree(table, rootPid).reduce((total, pid) => total + (table.get(pid)?.cpuMs ?? 0), 0);
}

/**
 * CPU time so far of every process whose command name is `name` (e.g. "postgres": the
 * server and its backends), per process id, in ms. Two readings' difference is what those
 * processes spent in between (a process that appeared meanwhile counts from zero).
 */
export function cpuMsByName(name) {
  const out = new Map();
  for (const [pid, p] of processTable()) if (p.comm === name) out.set(pid, p.cpuMs);
  return out;
}

/** What processes spent between two cpuMsByName readings, in ms. */
export function cpuMsBetween(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
