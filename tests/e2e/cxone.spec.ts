import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * CXone on the dashboard against the simulator's NICE platform profile (a separate process,
 * real HTTP): an admin saves the platform connection (secrets never shown again) and tests
 * it per capability, previews the agent/skill sync; a planner downloads the import template
 * as the push and sees the comparison offered.
 */
let sim: ChildProcess;
let simUrl = "";

test.beforeAll(async () => {
  // One process (tsx as node's loader, not npx → tsx → node), so kill() below ends the simulator itself.
  sim = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/cxone-sim.ts", "--demo", "--profile", "platform", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  simUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    sim.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    sim.on("exit", (code) => reject(new Error(`simulator exited ${code}: ${out}`)));
  });
});
test.afterAll(() => {
  sim?.kill();
});

test("an admin connects the NICE platform profile and sees per capability what works", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/settings");
  await page.getByLabel("NICE platform (documented APIs)").check();
  const form = page.getByRole("form", { name: "CXone platform connection" });
  await form.getByLabel("Enter the API host by hand").check();
  await form.getByLabel("API host", { exact: true }).fill(`${simUrl}/api-na1`);
  await form.getByLabel("Sign-in issuer", { exact: true }).fill(simUrl);
  await form.getByLabel("Access key id", { exact: true }).fill("sim-access-key");
  await form.getByLabel("Access key secret", { exact: true }).fill("sim-access-secret");
  await form.getByLabel("Client id", { exact: true }).fill("sim-app");
  await form.getByLabel("Client secret", { exact: true }).fill("sim-app-secret");
  await form.getByRole("button", { name: "Save platform connection" }).click();
  await expect(page.getByText("Saved. Secrets are stored encrypted")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Access key secret", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Access key secret", { exact: true })).toHaveAttribute("placeholder", /stored/);
  expect(await page.content()).not.toContain("sim-access-secret");

  await page.getByRole("button", { name: "Test connection" }).click();
  const table = page.getByRole("table", { name: "What works on this connection" });
  await expect(table).toBeVisible();
  for (const label of ["Discovery (tenant → API host)", "Sign-in", "Agents read", "Skills read", "Schedule export", "Contact history"]) {
    await expect(table.getByRole("row", { name: new RegExp(`^${label.replace(/[()]/g, "\\$&")} works`) })).toBeVisible();
  }
  await expect(table.getByRole("row", { name: /^Shift import endpoint not offered .*CSV template import/ })).toBeVisible();

  await page.getByRole("button", { name: "Preview sync from CXone" }).click();
  await expect(page.getByRole("region", { name: "Agents added" })).toBeVisible();
  await expect(page.getByText(/Nothing to apply|Apply these changes/)).toBeVisible();
});

test("a planner downloads the import template as the push, with instructions, and may compare with CXone", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  await expect(page.getByRole("button", { name: "Compare with CXone" })).toBeVisible();
  // The demo's published week starts next Monday.
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - now.getUTCDay()) % 7 || 7)));
  const day = monday.toISOString().slice(0, 10);
  await page.getByLabel("Template from").fill(day);
  await page.getByLabel("Template to").fill(day);
  await page.getByLabel("Unit publish state").selectOption("unpublished");
  const push = page.getByRole("button", { name: "Push to CXone (download file + instructions)" });
  await expect(push).toBeVisible();
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  await push.click();
  await expect(page.getByText(/shift\(s\) written to shifts-/)).toBeVisible();
  await expect(page.getByText(/unpublished: the imported shifts wait/).first()).toBeVisible();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads[0]).toMatch(/-cxone-template\.csv$/);
  expect(downloads[1]).toMatch(/-instructions\.txt$/);

  // What CXone has vs what we have, streamed with progress; the simulator holds no shifts, so ours are "only here".
  await page.getByLabel("Compare from").fill(day);
  await page.getByLabel("Compare to").fill(day);
  await page.getByLabel("Compare site").selectOption("NYC");
  await page.getByRole("button", { name: "Compare with CXone" }).click();
  await expect(page.getByText(/export request\(s\): .*Nothing in our schedule was changed\./)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Only here" })).toBeVisible();
});
