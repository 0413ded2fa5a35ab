import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** "2026-11-30T09:00" plus whole hours, as a datetime-local input writes it. */
function plusHours(local: string, hours: number): string {
  return new Date(Date.parse(`${local}:00Z`) + hours * 3_600_000).toISOString().slice(0, 16);
}

/** A Monday twelve weeks out, clear of the demo week and of the other specs' files. */
function mondayInWeeks(weeks: number): string {
  const d = new Date(Date.now() + weeks * 7 * 86_400_000);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function importCsv(page: Page, name: string, rows: string[]) {
  await page.goto("/shifts");
  const csv = ["agentId,start,end,skills,status,breaks,siteId,notes", ...rows].join("\n");
  await page.getByLabel("Shift CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText(`Imported ${rows.length} shift`);
}

async function openSchedule(page: Page, email: string, query = "") {
  await signIn(page, email);
  await page.getByRole("link", { name: "Schedule", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  if (query) await page.goto(`/schedule?${query}`);
}

test("a planner opens the schedule for NYC, reads it in one named zone and finds an agent", async ({ page }) => {
  await openSchedule(page, "planner@demo.local");
  await page.getByLabel("Site").selectOption("NYC");
  await expect(page).toHaveURL(/siteId=NYC/);
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in America/New_York");

  // Bars are focusable buttons that name the time and its zone; the legend says what colours mean.
  const bars = page.getByTestId("agent-track").getByRole("button");
  await expect(bars.first()).toBeVisible();
  await expect(bars.first()).toHaveAttribute("aria-label", /\d{2}:\d{2}–\d{2}:\d{2} America\/New_York, published/);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Draft");
  await expect(page.getByTestId("day-totals")).toContainText("agents · day totals");
  await expect(page.getByTestId("coverage-strip")).toBeVisible();

  // Find one agent by id: one row, with their paid hours against contract.
  await page.getByLabel("Find agent").fill("AGENT-1002");
  await page.getByLabel("Find agent").press("Enter");
  await expect(page).toHaveURL(/q=AGENT-1002/);
  await expect(page.getByRole("rowheader").filter({ hasText: "AGENT-1002" })).toBeVisible();
  await expect(page.getByTestId("agent-track")).toHaveCount(1);
  await expect(page.getByTestId("agent-hours")).toHaveText(/^\d+(\.\d)?\/(40|24) h/);

  // Enter on a bar opens its panel, with the time in the grid's zone.
  const bar = page.getByTestId("agent-track").getByRole("button").first();
  await bar.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("shift-panel")).toBeVisible();
  await expect(page.getByTestId("panel-time")).toContainText("America/New_York");
  await expect(page.getByTestId("form-zone")).toHaveText("America/New_York");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shift-panel")).toBeHidden();

  // Each agent's own zone on request; the header says so.
  await page.getByRole("radio", { name: "Agent's home zone" }).click();
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in each agent's home zone");
});

test("the grid loads more agents as the planner scrolls", async ({ page }) => {
  await openSchedule(page, "planner@demo.local");
  const scroller = page.getByTestId("schedule-scroll");
  await expect(page.getByRole("rowheader").filter({ hasText: "AGENT-" }).first()).toBeVisible();
  const firstPage = page.waitForResponse((r) => r.url().includes("/api/v1/schedule?") && r.url().includes("offset=250"));
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  expect((await firstPage).status()).toBe(200);
  await expect(page.getByTestId("day-totals")).toContainText("300 agents");
  // Only the rows on screen are in the page, never all 300.
  expect(await page.getByTestId("agent-track").count()).toBeLessThan(80);
});

test("a supervisor of LON sees LON read-only and cannot open NYC", async ({ page }) => {
  await openSchedule(page, "supervisor.lon@demo.local");
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in Europe/London");
  await expect(page.getByTestId("read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add shift for/ })).toHaveCount(0);
  await expect(page.getByLabel("Site").locator("option")).toHaveText(["LON — London"]);

  const bar = page.getByTestId("agent-track").getByRole("button").first();
  await bar.click();
  await expect(page.getByTestId("shift-panel")).toContainText("Read-only");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await page.goto("/schedule?siteId=NYC");
  await expect(page.getByRole("alert").filter({ hasText: "You are not a supervisor of site NYC." })).toBeVisible();
  const api = await page.request.get("/api/v1/schedule?from=2026-11-23&siteId=NYC");
  expect(api.status()).toBe(403);
});

test("a planner lengthens a shift and sees the coverage strip change; an overlapping shift gets the rule", async ({ page, browser, baseURL }) => {
  const actions: { headers: Record<string, string>; body: string; url: string }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actions.push({ headers: r.headers(), body: r.postData() ?? "", url: r.url() });
  });
  // AGENT-1050 serves billing only, so every hour added shows on the billing strip.
  await openSchedule(page, "planner@demo.local", "siteId=NYC&skillId=SKILL-EN-BILLING&q=AGENT-1050");
  const strip = page.getByTestId("coverage-strip-total");
  await expect(strip).toContainText("agent-hours");
  const before = await strip.innerText();
  await expect(page.getByTestId("agent-track")).toHaveCount(1);
  await page.getByTestId("agent-track").getByRole("button").first().click();
  const panel = page.getByTestId("shift-panel");
  const start = await panel.getByLabel("Start", { exact: true }).inputValue();
  const end = await panel.getByLabel("End", { exact: true }).inputValue();
  await panel.getByLabel("End", { exact: true }).fill(plusHours(end, 1));
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("shift-preview")).toContainText("The rules allow this shift.");
  await expect(panel.getByRole("list", { name: "Coverage change" })).toContainText("SKILL-EN-BILLING");
  // Overtime only warns: the planner confirms it.
  const confirm = panel.getByLabel(/Save anyway/);
  if (await confirm.count()) await confirm.check();
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel).toBeHidden();
  await expect(strip).not.toHaveText(before);

  // A second shift over the first: the rule says so under Start, and nothing can be saved.
  await page.getByRole("button", { name: /^Add shift for/ }).click();
  const form = page.getByTestId("shift-panel");
  await form.getByLabel("Start", { exact: true }).fill(plusHours(start, 1));
  await form.getByLabel("End", { exact: true }).fill(plusHours(start, 6));
  await form.getByRole("button", { name: "Check" }).click();
  await expect(form.locator("[data-code=OVERLAP]")).toBeVisible();
  await expect(form.getByTestId("shift-preview")).toContainText("nothing is saved");
  await expect(form.getByRole("button", { name: "Create shift" })).toBeDisabled();
  await page.keyboard.press("Escape");

  // The same edit sent as LON's supervisor is refused by the action itself.
  const edit = actions.find((a) => a.body.includes('"version"'));
  expect(edit).toBeDefined();
  const context = await browser.newContext();
  const supervisor = await context.newPage();
  await signIn(supervisor, "supervisor.lon@demo.local");
  const headers = Object.fromEntries(Object.entries(edit!.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)));
  const refused = await supervisor.request.post(edit!.url, { headers: { ...headers, origin: new URL(baseURL!).origin }, data: edit!.body });
  expect(await refused.text()).toContain("Your role is not allowed to do this.");
  await context.close();
});

test("a planner publishes the drafts of an import", async ({ page }) => {
  const monday = mondayInWeeks(12);
  await signIn(page, "planner@demo.local");
  await importCsv(page, "nyc-drafts.csv", [
    `AGENT-1010,${monday}T09:00:00-05:00,${monday}T17:00:00-05:00,,DRAFT,+240/30,NYC,`,
    `AGENT-1011,${monday}T10:00:00-05:00,${monday}T18:00:00-05:00,,DRAFT,+240/30,NYC,`,
    `AGENT-1012,${monday}T11:00:00-05:00,${monday}T19:00:00-05:00,,DRAFT,+240/30,NYC,`,
  ]);
  await page.goto(`/schedule?from=${monday}&siteId=NYC&status=DRAFT`);
  await expect(page.getByTestId("agent-track")).toHaveCount(3);
  await expect(page.getByTestId("agent-track").getByRole("button").first()).toHaveAttribute("data-status", "DRAFT");

  await page.getByRole("button", { name: "Publish drafts…" }).click();
  const dialog = page.getByTestId("publish-dialog");
  await dialog.getByRole("radio", { name: "One import" }).click();
  const option = dialog.getByLabel("Import to publish").locator("option", { hasText: "nyc-drafts.csv" }).first();
  await dialog.getByLabel("Import to publish").selectOption((await option.getAttribute("value"))!);
  await dialog.getByRole("button", { name: "See what publishing changes" }).click();
  await expect(dialog.getByTestId("publish-preview")).toContainText("3 shifts for 3 agents, 22.5 paid hours");
  await expect(dialog.getByRole("table", { name: "Drafts by site" })).toContainText("NYC");
  await dialog.getByRole("button", { name: "Publish 3 shifts" }).click();
  await expect(dialog).toContainText("Published 3 shifts");
  await page.keyboard.press("Escape");

  await page.goto(`/schedule?from=${monday}&siteId=NYC&status=DRAFT`);
  await expect(page.getByText("No agents match these filters")).toBeVisible();
  await page.goto(`/schedule?from=${monday}&siteId=NYC&status=PUBLISHED`);
  await expect(page.getByTestId("agent-track")).toHaveCount(3);
});

test("a planner undoes an import and the schedule's counts return", async ({ page }) => {
  const monday = mondayInWeeks(13);
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  const summary = page.getByRole("table", { name: "Schedule summary" });
  const before = (await summary.textContent())!;
  await importCsv(page, "lon-mistake.csv", [
    `AGENT-1130,${monday}T08:00:00Z,${monday}T16:00:00Z,,DRAFT,,LON,`,
    `AGENT-1131,${monday}T09:00:00Z,${monday}T17:00:00Z,,DRAFT,,LON,`,
  ]);
  await page.reload();
  await expect(summary).not.toHaveText(before);

  const history = page.getByRole("table", { name: "Import history" });
  await history.getByRole("button", { name: "Undo import lon-mistake.csv" }).first().click();
  await expect(history.getByRole("alertdialog", { name: "Confirm undo of lon-mistake.csv" })).toContainText("Remove the 2 shifts");
  await history.getByRole("button", { name: "Undo import", exact: true }).click();
  await expect(history.locator("tbody tr").first()).toContainText(/Undone: 2 removed, 0 restored|undone/);
  await page.reload();
  await expect(summary).toHaveText(before);
  await expect(history.locator("tbody tr").first()).toContainText("undone");
});

test("saving over someone else's change says so and shows the stored values", async ({ page, baseURL }) => {
  await openSchedule(page, "planner@demo.local", "siteId=NYC&q=AGENT-1003");
  const bar = page.getByTestId("agent-track").getByRole("button").first();
  const shiftId = (await bar.getAttribute("data-shift-id"))!;
  await bar.click();
  const panel = page.getByTestId("shift-panel");
  const start = await panel.getByLabel("Start", { exact: true }).inputValue();
  const end = await panel.getByLabel("End", { exact: true }).inputValue();

  // Someone else moves the end 30 minutes earlier through the API meanwhile.
  const stored = await page.request.get(`/api/v1/shifts/${shiftId}`);
  const other = await page.request.patch(`/api/v1/shifts/${shiftId}`, {
    headers: { "if-match": stored.headers()["etag"], origin: new URL(baseURL!).origin },
    data: { agentId: "AGENT-1003", siteId: "NYC", start, end: plusHours(end, -0.5), timeZone: "America/New_York", status: "PUBLISHED", confirmWarnings: true },
  });
  expect(other.status()).toBe(200);

  await panel.getByLabel("End", { exact: true }).fill(plusHours(end, 0.5));
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("shift-preview")).toBeVisible();
  const confirm = panel.getByLabel(/Save anyway/);
  if (await confirm.count()) await confirm.check();
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Changed by someone else since you opened it" })).toBeVisible();
  // The form now holds what is stored: the other planner's end.
  await expect(panel.getByLabel("End", { exact: true })).toHaveValue(plusHours(end, -0.5));
});

test("a planner drags on an agent's row and saves the drawn shift as a draft", async ({ page }) => {
  // A week of its own; one imported draft on Monday so the agent's week has a row to draw on.
  const monday = mondayInWeeks(14);
  const wednesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, "planner@demo.local");
  await importCsv(page, "drag-week.csv", [`AGENT-1040,${monday}T09:00:00-05:00,${monday}T17:00:00-05:00,,DRAFT,,NYC,`]);
  await page.goto(`/schedule?from=${monday}&siteId=NYC&q=AGENT-1040`);
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in America/New_York");
  const track = page.getByTestId("agent-track");
  await expect(track).toHaveCount(1);
  await expect(track.getByRole("button")).toHaveCount(1);

  // A week is seven bands of equal width cut at local midnight; drag on Wednesday's band from
  // just after 09:00 to just after 17:00, which the grid snaps to the quarter hour.
  const box = (await track.boundingBox())!;
  const dayWidth = box.width / 7;
  const xAt = (day: number, hours: number) => box.x + (day + hours / 24) * dayWidth;
  const y = box.y + box.height / 2;
  await page.mouse.move(xAt(2, 9.05), y);
  await page.mouse.down();
  await page.mouse.move(xAt(2, 13), y, { steps: 4 });
  await page.mouse.move(xAt(2, 17.05), y, { steps: 4 });
  await page.mouse.up();

  const form = page.getByTestId("shift-panel");
  await expect(form.getByLabel("Start", { exact: true })).toHaveValue(`${wednesday}T09:00`);
  await expect(form.getByLabel("End", { exact: true })).toHaveValue(`${wednesday}T17:00`);
  await expect(form.getByTestId("form-zone")).toHaveText("America/New_York");
  await form.getByRole("button", { name: "Check" }).click();
  await expect(form.getByTestId("shift-preview")).toContainText("The rules allow this shift.");
  const confirm = form.getByLabel(/Save anyway/);
  if (await confirm.count()) await confirm.check();
  await form.getByRole("button", { name: "Create shift" }).click();
  await expect(form).toBeHidden();

  // The drawn shift is on the row now, as a draft at the snapped times.
  await expect(track.getByRole("button")).toHaveCount(2);
  const drawn = track.getByRole("button").last();
  await expect(drawn).toHaveAttribute("aria-label", /09:00–17:00 America\/New_York, draft/);
  await expect(drawn).toHaveAttribute("data-status", "DRAFT");
});
