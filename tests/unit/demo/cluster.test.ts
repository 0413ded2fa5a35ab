/**
 * `npm start`'s process management (scripts/cluster.mjs) with a small HTTP program in
 * place of the dashboard: one port, answered by every process; a stop signal stops them
 * all; one process dying takes the others down with a failing exit code.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const CLUSTER = path.resolve("scripts/cluster.mjs");
// Answers every request with its process id.
const PROGRAM = `require("node:http").createServer((q, s) => s.end(String(process.pid))).listen(Number(process.argv[2]), "127.0.0.1");`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** One request on a new connection (the cluster hands out connections, not requests). */
function pidAt(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(Number(body)));
      })
      .on("error", reject);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started: ChildProcess[] = [];
let dir = "";
afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The cluster of two processes on a free port, and the two process ids that answered. */
async function startTwo() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-cluster-"));
  const program = path.join(dir, "answer-pid.cjs");
  fs.writeFileSync(program, PROGRAM);
  const port = await freePort();
  const primary = spawn(process.execPath, ["--input-type=module", "-e", `import { runCluster } from ${JSON.stringify(CLUSTER)}; runCluster({ exec: ${JSON.stringify(program)}, args: ["${port}"], count: 2 });`], { stdio: ["ignore", "ignore", "pipe"] });
  started.push(primary);
  const exited = new Promise<number | null>((resolve) => primary.once("exit", (code) => resolve(code)));
  const seen = new Set<number>();
  await until("both processes to answer on one port", async () => {
    seen.add(await pidAt(port));
    return seen.size === 2 ? true : undefined;
  });
  return { primary, exited, pids: [...seen] };
}

describe("runCluster (npm start's processes on one port)", () => {
  it("answers on one port from two processes, and SIGTERM stops both and exits 0", async () => {
    const { primary, exited, pids } = await startTwo();
    expect(pids.every((pid) => pid !== primary.pid)).toBe(true);
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until("both processes to be gone", () => (pids.some(alive) ? undefined : true));
  });

  it("stops the other process and exits 1 when one is killed", async () => {
    const { exited, pids } = await startTwo();
    process.kill(pids[0], "SIGKILL");
    expect(await exited).toBe(1);
    await until("the other process to be gone", () => (alive(pids[1]) ? undefined : true));
  });
});
