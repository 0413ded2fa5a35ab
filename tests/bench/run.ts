/**
 * `npm run bench`: every case in tests/bench/cases, each subject measured beside its
 * baseline in the same run (alternating, after a warm-up), medians reported as times
 * and as a ratio. Writes bench/results.json. No pass/fail here: benchmarks are not tests.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchCase, BenchResult } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const casesDir = path.join(import.meta.dirname, "cases");
const filter = process.argv[2];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const files = fs.existsSync(casesDir) ? fs.readdirSync(casesDir).filter((f) => f.endsWith(".ts")).sort() : [];
const results: BenchResult[] = [];
const failures: string[] = [];
for (const file of files) {
  const { cases } = (await import(path.join(casesDir, file))) as { cases: BenchCase[] };
  for (const c of cases) {
    if (filter && !c.name.includes(filter) && !file.includes(filter)) continue;
    process.stderr.write(`… ${c.name}\n`);
    try {
      await c.setup?.();
      if (c.warmUp !== false) {
        await c.beforeEach?.();
        await c.subject();
        await c.beforeEach?.();
        await c.baseline();
      }
      const n = c.iterations ?? 5;
      const s: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < n; i++) {
        await c.beforeEach?.();
        b.push(await time(c.baseline));
        await c.beforeEach?.();
        s.push(await time(c.subject));
      }
      const subjectMs = median(s);
      const baselineMs = median(b);
      const extra = c.extra?.();
      results.push({
        name: c.name,
        baselineName: c.baselineName,
        subjectMs,
        baselineMs,
        ratio: subjectMs / baselineMs,
        goal: c.goal,
        goalMet: c.goalMet?.(subjectMs, baselineMs, extra),
        heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
        extra,
      });
    } catch (e) {
      // One broken case (no Postgres, no build) must not hide the others' figures.
      failures.push(`${c.name}: ${(e as Error).message}`);
    } finally {
      await c.teardown?.();
    }
  }
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
/** Extra figures as a short suffix: `key=value`, joined, cut at 120 characters (the JSON has them all). */
const suffix = (extra: BenchResult["extra"]) => {
  if (!extra) return "";
  const text = Object.entries(extra)
    .map(([k, v]) => `${k}=${typeof v === "number" ? Number(v.toPrecision(6)) : v}`)
    .join(" ");
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};
const rows = results.map((r) => [
  r.name,
  fmt(r.subjectMs),
  r.baselineName,
  fmt(r.baselineMs),
  `${r.ratio.toFixed(2)}×`,
  r.goal ? `${r.goal}${r.goalMet === undefined ? "" : r.goalMet ? " ✓" : " ✗"}` : "",
  suffix(r.extra),
]);
const header = ["case", "time", "baseline", "baseline time", "ratio", "goal", "figures"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));

fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, "bench/results.json"),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, results, failures }, null, 2),
);
console.log(`\nwrote bench/results.json (${results.length} cases)`);
for (const f of failures) console.log(`not measured: ${f}`);
process.exit(failures.length ? 1 : 0);
