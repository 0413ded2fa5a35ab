import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { toProblem } from "@/lib/api/problem";
import { acquireFolderLock, DatabaseInUseError, openPglite } from "@/lib/db/client";
import { toPublicError } from "@/lib/errors";

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-lock-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the embedded database folder lock", () => {
  it("refuses a second process while the first is alive, naming the owner", async () => {
    const dir = tempDir();
    const owner = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "shiftboard.lock"), String(owner.pid));
      const opening = openPglite(dir);
      await expect(opening).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(opening).rejects.toThrow(`in use by process ${owner.pid}`);
      expect(fs.readFileSync(path.join(dir, "shiftboard.lock"), "utf8")).toBe(String(owner.pid));
    } finally {
      owner.kill();
    }
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = tempDir();
    const gone = spawnSync("true").pid!;
    fs.writeFileSync(path.join(dir, "shiftboard.lock"), String(gone));
    const release = acquireFolderLock(dir);
    expect(fs.readFileSync(path.join(dir, "shiftboard.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "shiftboard.lock"))).toBe(false);
  });

  it("lets exactly one of several processes starting together have the folder", async () => {
    const dir = tempDir();
    const clientModule = path.resolve(import.meta.dirname, "../../lib/db/client.ts");
    // Each child takes the lock the way the server does and reports; the one that has it holds it
    // until every child has reported (its stdin closes then), not for a fixed moment: on a loaded
    // machine a child may start seconds after another has come and gone.
    const script = `
      const { acquireFolderLock } = await import(${JSON.stringify(clientModule)});
      try { acquireFolderLock(${JSON.stringify(dir)}); console.log("got"); await new Promise((r) => { process.stdin.on("end", r); process.stdin.resume(); }); }
      catch (e) { console.log(e.name); }`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], { cwd: path.resolve(import.meta.dirname, "../..") }));
    const reports = children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = "";
          let err = "";
          child.stdout.on("data", (d) => {
            out += d;
            if (out.includes("\n")) resolve(out.trim());
          });
          child.stderr.on("data", (d) => (err += d));
          child.on("exit", () => resolve((out || err).trim()));
        }),
    );
    const outcomes = await Promise.all(reports);
    const exited = children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve()))));
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
    expect(outcomes.filter((o) => o === "got"), outcomes.join(" | ")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "DatabaseInUseError")).toHaveLength(3);
  });

  it("stops a second server at start-up with the reason for the operator, instead of saying Ready", async () => {
    const dir = tempDir();
    const owner = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "shiftboard.lock"), String(owner.pid));
      const startup = path.resolve(import.meta.dirname, "../../lib/db/startup.ts");
      // What instrumentation.ts runs when the server starts.
      const script = `const { openDatabaseOrExit } = await import(${JSON.stringify(startup)}); await openDatabaseOrExit(); console.log("Ready");`;
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, DATABASE_URL: undefined, PGLITE_DATA_DIR: dir },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code, out).toBe(1);
      expect(out).toContain(`Shiftboard cannot start: The embedded database at ${dir} is in use by process ${owner.pid}`);
      expect(out).not.toContain("Ready");
    } finally {
      owner.kill();
    }
  });

  it("never shows the data folder to a user: what reaches a browser is a request id", () => {
    const e = new DatabaseInUseError("/srv/shiftboard/.data/pglite", 4242);
    const shown = [JSON.stringify(toPublicError(e, "req-1")), JSON.stringify(toProblem(e, "req-1"))];
    for (const text of shown) {
      expect(text).not.toContain("/srv/shiftboard");
      expect(text).not.toContain("4242");
      expect(text).toContain("req-1");
    }
  });
});
