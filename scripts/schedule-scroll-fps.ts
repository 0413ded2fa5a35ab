/**
 * Reports (never asserts) how smoothly the Schedule grid scrolls with 5,000 agents × 28 days:
 * seeds a scratch embedded database (the demo, for its users, plus 4,700 agents with four
 * weeks of shifts), starts the production build on it, signs in as the planner, scrolls the
 * grid for five seconds one requestAnimationFrame at a time and counts frames.
 *
 *   npx next build && npx tsx --conditions=react-server scripts/schedule-scroll-fps.ts
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openPglite } from "../lib/db/client";
import { nextMonday, seedDemo } from "../lib/services/seed/demo";
import { seedBig } from "../tests/bench/cases/schedule-view";
import { nextStartArgs } from "./next-start.mjs";

const port = 20_000 + Math.floor(Math.random() * 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-fps-"));
const week = nextMonday(new Date().toISOString().slice(0, 10));
const o = await openPglite(dir);
await seedDemo(o.db, { weekStart: week });
await seedBig(o, { agents: 4_700, weekStart: week, withReference: false });
await o.close();

const url = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dir, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), CXONE_SECRET_KEY: randomBytes(32).toString("base64"), NEXTAUTH_URL: url };
delete env.DATABASE_URL;
const server = spawn(process.execPath, nextStartArgs(port, "127.0.0.1"), {
  stdio: process.env.FPS_DEBUG ? "inherit" : "ignore",
  env,
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 120) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill("planner@demo.local");
  await page.getByLabel("Password").fill("shiftboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(`${url}/schedule?from=${week}&days=28`);
  await page.getByTestId("schedule-scroll").waitFor();
  const total = await page.getByTestId("day-totals").innerText();
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  const result = (await page.evaluate(`(async () => {
    const el = document.querySelector("[data-testid=schedule-scroll]");
    const frames = [];
    const t0 = performance.now();
    await new Promise((done) => {
      const step = (t) => {
        frames.push(t);
        el.scrollTop += 60; // 3,600 px/s at 60 Hz: a fast fling
        if (t - t0 < 5000) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
    return { fps: (frames.length - 1) / seconds, longFrames: gaps.filter((g) => g > 20).length, worstMs: Math.max(...gaps), scrolledRows: Math.round(el.scrollTop / 40) };
  })()`)) as { fps: number; longFrames: number; worstMs: number; scrolledRows: number };
  console.log(`${total.split("\n")[0]}; 28 days; scrolled ${result.scrolledRows} rows in 5 s: ${result.fps.toFixed(1)} frames/s, ${result.longFrames} frames over 20 ms, worst ${result.worstMs.toFixed(0)} ms`);
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(dir, { recursive: true, force: true });
}
