/**
 * The scale-out story across real processes (issue 16): on one Postgres, two `npm run worker`
 * processes, one killed with SIGKILL while it runs an optimization job: the other takes the
 * job over once the dead one's lease runs out and completes it exactly once. Two dashboard-like
 * processes importing one file at the same moment store it once. (scale-out.test.ts proves
 * the same rules inside one process; here nothing is shared but the database.)
 *
 * The Postgres part runs when TEST_DATABASE_URL is set (the embedded database serves one
 * process, so there is no second process to race); the worker's refusals of a bad setup
 * run on every machine. Workers run as `npm run worker` does, with tsx's loader; the lease
 * is shortened through JOB_LEASE_SECONDS / JOB_HEARTBEAT_SECONDS so the test takes seconds.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { openPostgres, type OpenedDb } from "@/lib/db/client";
import { imports, shifts } from "@/lib/db/schema";
import { getJob, insertJob } from "@/lib/db/queries/jobs";
import { optimizationJobPayloadSchema } from "@/lib/schemas/optimization";
import { OPTIMIZATION_JOB } from "@/lib/services/optimization/run";
import { seedDemo } from "@/lib/services/seed/demo";
import { createScratchDatabase, TEST_DATABASE_URL } from "./support/db";
import { DEMO_WEEK } from "./support/demo";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const children: ChildProcessWithoutNullStreams[] = [];

interface Running {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Resolves with the first output line matching, or rejects when the process ends first. */
  line: (pattern: RegExp) => Promise<string>;
  exited: Promise<number | null>;
}

/** A TypeScript entry point in its own process, as tsx runs it (one process: SIGKILL reaches the program itself). */
function run(entry: string, env: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", entry], { cwd: ROOT, env: { ...process.env, ...env } });
  children.push(child);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let stderr = "";
  let buffer = "";
  child.stdout.on("data", (d) => {
    buffer += d;
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const l of parts) {
      lines.push(l);
      for (const w of waiters.filter((w) => w.pattern.test(l))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then((code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`${entry} ended (exit ${code}) before printing ${w.pattern}: ${lines.join(" | ")} ${stderr}`));
  });
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) resolve(seen);
      else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`${entry} has ended: ${lines.join(" | ")} ${stderr}`));
      else waiters.push({ pattern, resolve, reject });
    });
  return { child, lines, line, exited };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

describe("npm run worker refuses a setup it cannot run", () => {
  it("without DATABASE_URL: the embedded database runs its worker inside the dashboard", async () => {
    const w = run("scripts/worker.ts", { DATABASE_URL: undefined });
    expect(await w.exited).toBe(2);
  });

  it("with a renewal that does not fit twice in the lease, naming both variables", async () => {
    const out: string[] = [];
    const w = run("scripts/worker.ts", { DATABASE_URL: "postgres://127.0.0.1:1/none", JOB_LEASE_SECONDS: "10", JOB_HEARTBEAT_SECONDS: "6" });
    w.child.stderr.on("data", (d) => out.push(String(d)));
    expect(await w.exited).toBe(2);
    expect(out.join("")).toContain("JOB_HEARTBEAT_SECONDS (6) must be at most half of JOB_LEASE_SECONDS (10)");
  });

  it("with a lease that is not a whole number of seconds", async () => {
    const out: string[] = [];
    const w = run("scripts/worker.ts", { DATABASE_URL: "postgres://127.0.0.1:1/none", JOB_LEASE_SECONDS: "five minutes" });
    w.child.stderr.on("data", (d) => out.push(String(d)));
    expect(await w.exited).toBe(2);
    expect(out.join("")).toContain("JOB_LEASE_SECONDS must be a whole number of seconds");
  });
});

if (TEST_DATABASE_URL) {
  describe("separate processes on one Postgres database", () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let o: OpenedDb;
    beforeAll(async () => {
      scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      o = await openPostgres(scratch.url, { max: 4 });
      await seedDemo(o.db, { weekStart: DEMO_WEEK });
    });
    afterAll(async () => {
      await o?.close();
      await scratch?.drop();
    });

    it("a worker killed with SIGKILL mid-job loses it to the other worker once its lease runs out; the job completes once", async () => {
      // Short lease for the test: 8 s, renewed every second (the defaults are 300 s and 30 s).
      const env = { DATABASE_URL: scratch.url, JOB_LEASE_SECONDS: "8", JOB_HEARTBEAT_SECONDS: "1", LOG_LEVEL: "warn" };
      const workers = [run("scripts/worker.ts", env), run("scripts/worker.ts", env)];
      const ids = await Promise.all(workers.map(async (w) => /^Worker (\S+) started/.exec(await w.line(/^Worker \S+ started/))![1]));

      // The whole demo week with a proven optimum asked for: far from done when the first worker
      // dies on any machine; the survivor stops at the 20 s limit with its best answer.
      const payload = optimizationJobPayloadSchema.parse({
        from: DEMO_WEEK,
        to: "2026-11-29",
        allowOvertime: true,
        maxOvertimeHoursPerAgent: 4,
        goals: ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"],
        maxConsecutiveHours: 10,
        minBreakDuration: 30,
        timeLimitSeconds: 20,
        targetGapPercent: 0,
        backend: "local",
      });
      const jobId = await insertJob(o.db, { kind: OPTIMIZATION_JOB, payload, createdBy: null });

      // One worker holds the lease: it has claimed the job and started on it. It is killed at
      // once: the model build that follows holds its event loop (and so its lease renewals)
      // for seconds, longer than this short lease on a loaded machine, and the other worker
      // would rightly take the job from a live worker, which is not what is tested here.
      let held = await getJob(o.db, jobId);
      for (let i = 0; i < 1200 && !(held?.status === "running" && held.lockedBy); i++) {
        await sleep(100);
        held = await getJob(o.db, jobId);
      }
      expect(held).toMatchObject({ status: "running", attempts: 1 });
      const victim = ids.indexOf(held!.lockedBy!);
      expect(victim).toBeGreaterThanOrEqual(0);
      const [killed, survivor] = victim === 0 ? workers : [workers[1], workers[0]];
      const survivorId = ids[1 - victim];
      killed.child.kill("SIGKILL");
      expect(await killed.exited).toBeNull();

      // The survivor takes the job over (a second attempt) once the lease has run out, and completes it.
      await survivor.line(/ran 1 job\(s\)/);
      const done = await getJob(o.db, jobId);
      expect(done).toMatchObject({ status: "completed", attempts: 2, lockedBy: survivorId, progress: 1, error: null });
      expect(done!.result).toMatchObject({ engine: expect.stringMatching(/exact|greedy/), proposals: expect.any(Array), cancelled: false });
      expect((done!.result as { live?: unknown }).live).toBeUndefined();

      // Stopped politely, the survivor ran that one job and nothing else; the job is as it left it.
      survivor.child.kill("SIGTERM");
      expect(await survivor.exited).toBe(0);
      expect(survivor.lines.filter((l) => / ran \d+ job/.test(l))).toEqual([`Worker ${survivorId} ran 1 job(s).`]);
      expect(await getJob(o.db, jobId)).toEqual(done);
    }, 300_000);

    it("two dashboard processes importing one file at the same moment store it once", async () => {
      const agents = Array.from({ length: 40 }, (_, i) => `AGENT-${1200 + i}`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-two-")), "same.csv");
      fs.writeFileSync(file, ["agentId,start,end,status,siteId", ...agents.map((id) => `${id},2027-03-03T09:00:00Z,2027-03-03T17:00:00Z,DRAFT,`)].join("\n"));
      const instances = [0, 1].map(() => run("tests/integration/support/import-child.ts", { DATABASE_URL: scratch.url, IMPORT_FILE: file, LOG_LEVEL: "silent" }));
      await Promise.all(instances.map((i) => i.line(/^ready$/)));
      for (const i of instances) i.child.stdin.write("go\n");
      const outcomes = await Promise.all(instances.map(async (i) => JSON.parse(await i.line(/^\{/)) as { status?: string; importedRows?: number; unchangedRows?: number; error?: string }));
      expect(await Promise.all(instances.map((i) => i.exited))).toEqual([0, 0]);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });

      // One stored every row; the other was refused, or found every row already stored.
      const winners = outcomes.filter((r) => r.status === "committed" && r.importedRows === agents.length);
      expect(winners, JSON.stringify(outcomes)).toHaveLength(1);
      const other = outcomes.find((r) => r !== winners[0])!;
      expect([{ error: "CONFLICT" }, { status: "committed", importedRows: 0, unchangedRows: agents.length }]).toContainEqual(other);
      const [{ n }] = await o.db
        .select({ n: sql<number>`count(*)::int` })
        .from(shifts)
        .where(and(eq(shifts.startsAt, new Date("2027-03-03T09:00:00Z")), like(shifts.agentId, "AGENT-12%")));
      expect(n).toBe(agents.length);
      const stored = await o.db.select({ importedRows: imports.importedRows }).from(imports).where(eq(imports.fileName, "same-file.csv"));
      expect(stored.reduce((sum, r) => sum + r.importedRows, 0)).toBe(agents.length);
    }, 180_000);
  });
}
