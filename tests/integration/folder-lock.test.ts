import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireFolderLock, DatabaseInUseError, openPglite } from "@/lib/db/client";

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
    // Each child takes the lock the way the server does and reports, then holds it a moment.
    const script = `
      const { acquireFolderLock } = await import(${JSON.stringify(clientModule)});
      try { acquireFolderLock(${JSON.stringify(dir)}); console.log("got"); await new Promise((r) => setTimeout(r, 3000)); }
      catch (e) { console.log(e.name); }`;
    const runs = Array.from({ length: 4 }, () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], { cwd: path.resolve(import.meta.dirname, "../..") });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("exit", () => resolve(out.trim()));
      }),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o === "got"), outcomes.join(" | ")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "DatabaseInUseError")).toHaveLength(3);
  });
});
