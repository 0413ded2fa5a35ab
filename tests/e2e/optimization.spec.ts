import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a planner runs an optimization, watches its bound and gap, and accepts one agent's proposals as drafts", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "planner@demo.local");
  await page.getByRole("link", { name: "Optimization" }).click();
  // One day of the demo week keeps the test quick; the 1 % target gap ends the solve as soon as it is proven,
  // and the 90 s limit is headroom so a loaded machine still reaches a bound (the test reads it below).
  const from = await page.getByLabel("From", { exact: true }).inputValue();
  await page.getByLabel("To", { exact: true }).fill(from);
  await page.getByLabel("Time limit in seconds").fill("90");
  await page.getByRole("button", { name: "Run optimization" }).click();
  // The live view (time, best answer, bound, gap, Cancel) while it runs; a quick run may finish between two polls.
  await expect(page.getByTestId("optimization-live").or(page.getByTestId("optimization-result"))).toBeVisible({ timeout: 30_000 });

  const result = page.getByTestId("optimization-result");
  await expect(result).toBeVisible({ timeout: 180_000 });
  await expect(result).toContainText("agents with recommended shifts");
  await expect(result).toContainText(/answered/);
  // The bound and the gap, in numbers and in words.
  await expect(page.getByTestId("objective-bound")).toHaveText(/^\d+\.\d \/ \d+\.\d$/);
  await expect(page.getByTestId("gap-words")).toHaveText(/Proven optimal|Within [\d.<\s]+ % of the best possible/);

  const table = result.getByRole("table", { name: "Recommended shifts" });
  const proposalRows = (id: string) => table.getByRole("row").filter({ has: page.getByRole("checkbox", { name: new RegExp(`^Select ${id} \\d{4}-`) }) });
  // An agent whose proposals are all new shifts: each becomes a draft bar at the proposal's own times.
  let agentId = "";
  for (const box of await table.getByRole("checkbox", { name: /^Select AGENT-\d{4}'s proposals$/ }).all()) {
    const id = (await box.getAttribute("aria-label"))!.match(/AGENT-\d{4}/)![0];
    const kinds = await proposalRows(id).locator("td:last-child").allInnerTexts();
    if (kinds.length > 0 && kinds.every((k) => k.trim() === "new shift")) {
      agentId = id;
      break;
    }
  }
  expect(agentId).not.toBe("");
  // Each proposal as its start (the checkbox names it) and its times on the site's clock, zone named.
  const proposals = await Promise.all(
    (await proposalRows(agentId).all()).map(async (row) => {
      const start = (await row.getByRole("checkbox").getAttribute("aria-label"))!.split(" ")[2];
      const times = /(\d{2}:\d{2})–(\d{2}:\d{2}) (\S+\/\S+)/.exec(await row.locator("td").nth(1).innerText())!;
      return { start, from: times[1], to: times[2], zone: times[3] };
    }),
  );
  await table.getByRole("checkbox", { name: `Select ${agentId}'s proposals` }).check();
  await result.getByRole("button", { name: /^Accept \d+ as draft shifts?$/ }).click();
  const outcome = page.getByTestId("accept-outcome");
  await expect(outcome).toContainText(/draft shifts? created/, { timeout: 30_000 });
  const link = outcome.getByRole("link", { name: "See them on the Schedule page" });
  await expect(link).toHaveAttribute("href", /^\/schedule\?from=\d{4}-\d{2}-\d{2}&siteId=[A-Z]+$/);
  // The coverage change of the accepted set.
  await expect(outcome.getByRole("table", { name: "Coverage change" })).toBeVisible();
  // Accepted rows are marked and cannot be accepted twice.
  await expect(table.getByRole("checkbox", { name: `Select ${agentId}'s proposals` })).toBeDisabled();
  // The coverage change names a skill with its shortfall before and after.
  await expect(outcome.getByRole("table", { name: "Coverage change" }).locator("tbody tr").first()).toContainText(/^[A-Z][\w-]*[A-Za-z]\d+\.\d h\d+\.\d h/);

  // The ones written (not refused) are drafts on the Schedule page at their times, in the zone the page names.
  const refused = (await outcome.getByRole("listitem").allInnerTexts()).join("\n");
  const written = proposals.filter((p) => !refused.includes(`${agentId} ${p.start.slice(0, 16).replace("T", " ")} UTC`));
  expect(written.length).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  await expect(page.getByTestId("schedule-zone")).toHaveText(`Times in ${written[0].zone}`);
  await page.getByLabel("Find agent").fill(agentId);
  await page.getByLabel("Find agent").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${agentId}`));
  const track = page.locator(`[data-testid="agent-track"][data-agent="${agentId}"]`);
  await expect(track).toHaveCount(1);
  for (const p of written) {
    const bar = track.getByRole("button", { name: `: ${p.from}–${p.to} ${p.zone}, draft` });
    await expect(bar).toHaveCount(1);
    await expect(bar).toHaveAttribute("data-status", "DRAFT");
  }
  await expect(page.getByTestId("coverage-strip")).toBeVisible();

  // The same run grouped by the site's local day, from a shared link: each day's totals head its proposals.
  await page.goto("/optimization?group=day");
  const dayTable = page.getByRole("table", { name: "Recommended shifts by day" });
  await expect(dayTable).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("radio", { name: "Day" })).toHaveAttribute("aria-checked", "true");
  const firstDay = dayTable.getByTestId("day-group").first();
  const date = (await firstDay.getAttribute("data-date"))!;
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const totals = /^(\d+) proposals? · (\d+) agents? · (\d+\.\d) h · (\d+\.\d) h overtime$/.exec((await firstDay.getByTestId("day-totals").innerText()).trim());
  expect(totals).not.toBeNull();
  const dayRows = dayTable.locator(`tr[data-day="${date}"]`);
  await expect(dayRows).toHaveCount(Number(totals![1]));
  expect(Number(totals![3])).toBeGreaterThan(0);
  // Rows show the site's clock and zone; the agent accepted above is marked in this grouping too.
  await expect(dayRows.first().locator("td").nth(1)).toHaveText(/^\d{2}:\d{2}–\d{2}:\d{2} \S+\/\S+$/);
  await expect(dayTable.locator("tr", { hasText: agentId }).getByText("accepted").first()).toBeVisible();
  await expect(firstDay.getByRole("button", { name: /^Accept this day's proposals \(/ })).toBeVisible();
  // One proposal accepted from the day view: per row works here as in the agent view.
  const newShift = dayTable.locator("tr[data-day]").filter({ hasText: "new shift" }).first().getByRole("checkbox");
  const rowLabel = (await newShift.getAttribute("aria-label"))!;
  await newShift.check();
  await page.getByRole("button", { name: "Accept 1 as draft shift", exact: true }).click();
  const dayOutcome = page.getByTestId("accept-outcome");
  await expect(dayOutcome).toContainText(/1 draft shift created|1 proposal refused/, { timeout: 30_000 });
  // Written: the row is marked and cannot be chosen again; refused: the reason is listed (the schedule moved since the run).
  if ((await dayOutcome.innerText()).includes("draft shift created")) await expect(dayTable.getByRole("checkbox", { name: rowLabel, exact: true })).toBeDisabled();
  else await expect(dayOutcome.getByRole("listitem")).toHaveCount(1);

  // The grouping is a radio group: the arrow keys move it, and the URL follows.
  await page.getByRole("radio", { name: "Day" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Agent" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("radio", { name: "Agent" })).toBeFocused();
  await expect(page).not.toHaveURL(/group=/);
  await expect(page.getByRole("table", { name: "Recommended shifts" })).toBeVisible();
});

test("a planner plans capacity for a skill's demand and reads the counts per shift type", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/optimization");
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  await page.getByLabel("Capacity skill").selectOption("SKILL-EN-TECH-SUPPORT");
  await page.getByLabel("Capacity days").fill("2");
  await page.getByRole("button", { name: "Plan capacity" }).click();
  const result = page.getByTestId("capacity-result");
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toContainText(/Proven optimal|Stopped at the time limit/);
  const rows = result.getByRole("table", { name: "Agents per shift type and day" }).locator("tbody tr");
  await expect(rows.first()).toContainText(/^(Early|Day|Mid|Late|Evening|Night)\d+\d+$/);
});

test("a capacity plan with no shift types is refused with a clear message", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/optimization");
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  await page.getByLabel("Shift types").fill("");
  await page.getByRole("button", { name: "Plan capacity" }).click();
  await expect(page.getByText(/at least one shift type/)).toBeVisible();
});

test("an optimization over a reversed range is refused with a clear message", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/optimization");
  await page.getByLabel("From", { exact: true }).fill("2026-12-10");
  await page.getByLabel("To", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Run optimization" }).click();
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
});

test("a planner saves a site's capacity shift types and finds them loaded after a reload", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/optimization");
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  await page.getByLabel("Capacity site").selectOption("MNL");
  // A bad shift type is refused with its row and field named; nothing is saved.
  await page.getByLabel("Shift types").fill("Dawn,05:00,8\nLong,08:00,25");
  await page.getByRole("button", { name: "Save for this site" }).click();
  await expect(page.getByText('Shift type 2 ("Long"), lengthHours: A shift type lasts at most 24 hours (got 25).')).toBeVisible();
  await expect(page.getByTestId("shift-types-status")).toHaveText("No shift types saved for MNL yet.");

  const types = "Dawn,05:00,8\nDusk,13:00,9,1.5,4";
  // From a CSV file with its header row: the rows land in the form, the header does not.
  await page.getByLabel("Load shift-type rows from a CSV file").setInputFiles({ name: "mnl-shift-types.csv", mimeType: "text/csv", buffer: Buffer.from(`name,start,length,cost,max\r\n${types.replace("\n", "\r\n")}\r\n`) });
  await expect(page.getByLabel("Shift types")).toHaveValue(types);
  await page.getByRole("button", { name: "Save for this site" }).click();
  await expect(page.getByTestId("shift-types-status")).toHaveText("Saved 2 shift types for MNL.");

  await page.reload();
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  // The first site has none saved: the defaults; choosing MNL loads its own.
  await expect(page.getByLabel("Shift types")).not.toHaveValue(types);
  await page.getByLabel("Capacity site").selectOption("MNL");
  await expect(page.getByLabel("Shift types")).toHaveValue(types);
  await expect(page.getByTestId("shift-types-status")).toHaveText("MNL's saved shift types.");
  await page.getByLabel("Capacity site").selectOption("NYC");
  await expect(page.getByTestId("shift-types-status")).toHaveText("No shift types saved for NYC yet.");
});
