import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { generateDemo } from "../../lib/demo/generate";
import { planDemoTrades } from "../../lib/demo/trades/stories";
import { addDays } from "../../lib/domain/time";

/**
 * Bidding end to end on the demo center, in order (one server, one database):
 * an admin creates a NYC billing scope (refused as leaking until it names its site) and
 * opens its window; a planner adds two one-slot lines; a tier-1 agent locks one line and
 * walks away, ranking the other; a tier-2 agent ranks the locked line first; the award
 * gives each their line (the uncommitted lock blocks nobody) and tells each why; a planner
 * publishes the awards as draft shifts; a LON supervisor sees none of NYC's bids.
 *
 * The demo agents used: AGENT-1010 (NYC, hired 2014, holds SKILL-EN-BILLING) is tier 1 under
 * a "hired on or before 2016-12-31" tier; AGENT-1015 (NYC, hired 2020, billing) is below it.
 */
const SCOPE = "NYC Billing — e2e";
const A = { email: "agent1010@demo.local", id: "AGENT-1010" };
const B = { email: "agent1015@demo.local", id: "AGENT-1015" };
/** NYC, hired 2017 (tier 2 like B, but B's performance rank is better): ranked below both. */
const C = { id: "AGENT-1019" };
const EARLY = "Mon–Fri 09:00–17:30 NYC, SKILL-EN-BILLING, 1 slot";
const LATE = "Mon–Fri 10:00–18:30 NYC, SKILL-EN-BILLING, 1 slot";

async function draftShiftTotal(page: Page): Promise<number> {
  await page.goto("/shifts");
  const rows = page.getByRole("table", { name: "Schedule summary" }).locator("tbody tr");
  let total = 0;
  for (const row of await rows.all()) {
    const cells = await row.locator("td").allTextContents();
    if (cells[1] === "DRAFT") total += Number(cells[2].replace(/,/g, ""));
  }
  return total;
}

/** A row of the scopes table by the scope's name cell (other rows' findings may name it too). */
function scopeRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Bid scopes" }).getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
}

function myScope(page: Page) {
  return page.locator(`[data-testid="bid-scope"][data-scope-name="${SCOPE}"]`);
}

test.describe.serial("shift bidding", () => {
  let published = { awards: 0, shifts: 0 };
  let period: { start: string; end: string } = { start: "", end: "" };

  test("an admin's scope without a site is refused as leaking until NYC is added, then its window opens", async ({ page }) => {
    await signIn(page, "admin@demo.local");
    await page.goto("/bidding");
    const demoRow = scopeRow(page, "NYC Sales — bid");
    const found = /(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/.exec((await demoRow.textContent()) ?? "");
    expect(found).not.toBeNull();
    period = { start: found![1], end: found![2] };

    await page.getByRole("button", { name: "New scope" }).click();
    await page.getByLabel("Name", { exact: true }).fill(SCOPE);
    await page.getByLabel("Skill groups", { exact: true }).fill("SKILL-EN-BILLING");
    await page.getByLabel("Bid period from", { exact: true }).fill(period.start);
    await page.getByLabel("Bid period to", { exact: true }).fill(period.end);
    await page.getByLabel("Window time zone", { exact: true }).fill("America/New_York");
    await page.getByLabel("Tier cutoffs: hired on or before").fill("2016-12-31");
    await page.getByLabel("Require availability", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Save scope" }).click();
    // The leakage, in words, beside the sites field: billing is worked at more than one site.
    await expect(page.getByRole("alert").filter({ hasText: /Scope leakage: SKILL-EN-BILLING is worked at .*NYC/ }).first()).toBeVisible();
    await expect(scopeRow(page, SCOPE)).toHaveCount(0);

    await page.getByLabel("Sites (locations)", { exact: true }).fill("NYC");
    await page.getByRole("button", { name: "Save scope" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    await expect(page.getByText(/Scope leakage/)).toHaveCount(0);
    await page.getByRole("button", { name: "Close" }).click();

    const row = scopeRow(page, SCOPE);
    await expect(row).toContainText("draft");
    await row.getByRole("button", { name: "Open window" }).click();
    await expect(page.getByText(`The window of ${SCOPE} is open.`)).toBeVisible();
    await expect(row).toContainText("open");
  });

  test("a planner adds two one-slot lines from the form, times on NYC's clock", async ({ page }) => {
    await signIn(page, "planner@demo.local");
    await page.goto("/bidding");
    const form = page.getByRole("form", { name: "New line" });
    await form.getByRole("combobox", { name: "Site", exact: true }).selectOption("NYC");
    await expect(form.getByText("Starts (America/New_York)")).toBeVisible();
    await form.getByRole("combobox", { name: "Skill", exact: true }).selectOption("SKILL-EN-BILLING");
    for (const [start, end, label] of [["09:00", "17:30", EARLY], ["10:00", "18:30", LATE]]) {
      await form.getByRole("textbox", { name: /^Starts/ }).fill(start);
      await form.getByRole("textbox", { name: /^Ends/ }).fill(end);
      await form.getByRole("spinbutton", { name: "Slots", exact: true }).fill("1");
      await form.getByRole("button", { name: "Add line" }).click();
      await expect(page.getByText(`Line added: ${label}.`)).toBeVisible();
      await expect(page.getByRole("table", { name: "Lines" }).getByRole("row", { name: new RegExp(label) })).toBeVisible();
    }

    // The current schedule as a proposal: the published week (two weeks before the bid period).
    const fromSchedule = page.getByRole("group", { name: "Lines from the current schedule" });
    await fromSchedule.getByRole("combobox", { name: "Scope (its sites and skill groups)" }).selectOption({ label: SCOPE });
    await fromSchedule.getByLabel("Schedule from (site's local date)").fill(addDays(period.start, -14));
    await fromSchedule.getByLabel("to", { exact: true }).fill(addDays(period.start, -8));
    await fromSchedule.getByRole("button", { name: "Read the schedule" }).click();
    const proposed = page.getByRole("table", { name: "Proposed lines" });
    await expect(proposed.getByRole("row").filter({ hasText: "NYC, SKILL-EN-BILLING" }).first()).toBeVisible();
    await expect(proposed.getByRole("row").filter({ hasText: "LON" })).toHaveCount(0);
    await expect(fromSchedule.getByText(/^\d+ shifts in 1 week /)).toBeVisible();
  });

  test("the tier-1 agent locks the early line and walks away; the tier-2 agent cannot lock it but ranks it first", async ({ page }) => {
    await signIn(page, A.email);
    await page.goto("/me");
    let card = myScope(page);
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: `Lock ${EARLY}` }).click();
    await expect(card.getByText("Locked for 24 h.")).toBeVisible();
    await expect(card.getByText(/Your lock: .*held/)).toBeVisible();
    await card.getByRole("button", { name: `Rank ${LATE}` }).click();
    await card.getByRole("button", { name: "Submit bid" }).click();
    await expect(card.getByText("Bid submitted.")).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, B.email);
    await page.goto("/me");
    card = myScope(page);
    await card.getByRole("button", { name: `Lock ${EARLY}` }).click();
    await expect(card.getByRole("alert")).toContainText("is locked by other agents");
    await card.getByRole("button", { name: `Rank ${EARLY}` }).click();
    await card.getByRole("button", { name: `Rank ${LATE}` }).click();
    await card.getByRole("button", { name: "Save draft" }).click();
    await expect(card.getByText("Draft saved.")).toBeVisible();
    await expect(card.getByTestId("rank-hint")).toBeVisible();
    await card.getByRole("button", { name: "Submit bid" }).click();
    await expect(card.getByText("Bid submitted.")).toBeVisible();
    await expect(card.getByRole("list", { name: `Your ranking in ${SCOPE}` }).getByRole("listitem").first()).toContainText(EARLY);
  });

  test("a planner enters a third agent's ranking for them (by phone)", async ({ page }) => {
    await signIn(page, "planner@demo.local");
    await page.goto("/bidding");
    const form = page.getByRole("form", { name: "Enter a bid for an agent" });
    await form.getByRole("combobox", { name: "Scope (open window)" }).selectOption({ label: SCOPE });
    await form.getByPlaceholder("AGENT-1001").fill(C.id);
    await form.getByRole("combobox", { name: "1st choice" }).selectOption({ label: LATE });
    await form.getByRole("button", { name: "Add a choice" }).click();
    await form.getByRole("combobox", { name: "2nd choice" }).selectOption({ label: EARLY });
    await form.getByRole("button", { name: "Submit bid" }).click();
    await expect(page.getByText(`Bid submitted for ${C.id}.`)).toBeVisible();
    await expect(page.getByRole("table", { name: "Bids" }).getByRole("row").filter({ hasText: C.id })).toContainText(`1. ${LATE}; 2. ${EARLY}`);
  });

  test("the award runs: the uncommitted lock blocks nobody, and each agent sees what they got and why", async ({ page }) => {
    await signIn(page, "planner@demo.local");
    await page.goto("/bidding");
    await page.getByRole("button", { name: "Run award" }).click();
    await expect(page.getByText("The award run is queued")).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/Last award run: completed/)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });
    const awards = page.getByRole("table", { name: "Awards" });
    await expect(awards.getByRole("row", { name: new RegExp(`${A.id}.*${LATE}`) })).toBeVisible();
    await expect(awards.getByRole("row", { name: new RegExp(`${B.id}.*${EARLY}`) })).toBeVisible();
    // Both lines went to agents ranked above the third: nothing, and said why.
    const third = awards.getByRole("row").filter({ hasText: C.id });
    await expect(third).toContainText("nothing");
    await expect(third).toContainText("filled by agents ranked above you");

    await page.context().clearCookies();
    await signIn(page, A.email);
    await page.goto("/me");
    let award = myScope(page).getByTestId("my-award");
    await expect(award).toContainText(`You were awarded: ${LATE}`);
    await expect(award).toContainText("You got your 1st choice");
    // Locks are judged at the window's close: a 24-hour lock in an 18-day window has expired by then.
    await expect(award).toContainText(`Your lock on ${EARLY} expired without a commitment and was released for others.`);

    await page.context().clearCookies();
    await signIn(page, B.email);
    await page.goto("/me");
    award = myScope(page).getByTestId("my-award");
    await expect(award).toContainText(`You were awarded: ${EARLY}`);
    await expect(award).toContainText("You got your 1st choice");
  });

  test("an admin awards the early line to the third agent by hand, with a reason", async ({ page }) => {
    await signIn(page, "admin@demo.local");
    await page.goto("/bidding");
    const form = page.getByRole("form", { name: "Add an award" });
    await form.getByRole("combobox", { name: "Scope" }).selectOption({ label: SCOPE });
    await form.getByPlaceholder("AGENT-1001").fill(C.id);
    await form.getByRole("combobox", { name: "Line" }).selectOption({ label: EARLY });
    await form.getByLabel("Reason (audited)").fill("Second early seat agreed with the billing lead");
    await form.getByRole("button", { name: "Add award" }).click();
    await expect(page.getByText(`Awarded to ${C.id} by hand.`)).toBeVisible();
    await expect(page.getByRole("table", { name: "Awards" }).getByRole("row").filter({ hasText: C.id })).toContainText(EARLY);
  });

  test("a planner publishes the awards as draft shifts; the agent sees them on their schedule", async ({ page }) => {
    await signIn(page, "planner@demo.local");
    const before = await draftShiftTotal(page);
    await page.goto("/bidding");
    await page.getByRole("button", { name: "Publish as drafts" }).click();
    const done = page.getByText(/^Published \d+ awards? as \d+ draft shifts\.$/);
    await expect(done).toBeVisible();
    const m = /Published (\d+) awards? as (\d+) draft shifts/.exec((await done.textContent()) ?? "")!;
    published = { awards: Number(m[1]), shifts: Number(m[2]) };
    expect(published.awards).toBeGreaterThanOrEqual(3);
    // Four weeks of a Mon–Fri line: at least the three e2e awards' 20 shifts each.
    expect(published.shifts).toBeGreaterThanOrEqual(60);
    await expect(page.getByRole("table", { name: "Awards" }).getByRole("row", { name: new RegExp(`${B.id}.*published`) })).toBeVisible();
    expect(await draftShiftTotal(page)).toBe(before + published.shifts);

    await page.context().clearCookies();
    await signIn(page, B.email);
    await page.goto("/me");
    const mine = page.getByRole("list", { name: "My shifts" });
    await expect(mine.getByRole("listitem").filter({ hasText: "draft" }).first()).toContainText("America/New_York");
  });

  test("a LON supervisor sees none of NYC's bids or awards, on the page or through the API", async ({ page }) => {
    await signIn(page, "supervisor.lon@demo.local");
    await page.goto("/bidding");
    await expect(page.getByRole("heading", { name: "Bid scopes" })).toBeVisible();
    await expect(scopeRow(page, SCOPE)).toHaveCount(0);
    await expect(page.getByText(A.id)).toHaveCount(0);
    await expect(page.getByText(B.id)).toHaveCount(0);
    const res = await page.request.get("/api/v1/bidding/bids");
    expect(res.status()).toBe(200);
    const { bids } = (await res.json()) as { bids: { agentId: string }[] };
    expect(bids.some((b) => b.agentId === A.id || b.agentId === B.id)).toBe(false);
    const awards = (await (await page.request.get("/api/v1/bidding/awards")).json()) as { awards?: { agentId: string }[] };
    expect((awards.awards ?? []).some((a) => a.agentId === A.id || a.agentId === B.id)).toBe(false);

    // The control: NYC's supervisor does see them.
    await page.context().clearCookies();
    await signIn(page, "supervisor.nyc@demo.local");
    const nyc = (await (await page.request.get("/api/v1/bidding/bids")).json()) as { bids: { agentId: string }[] };
    expect(nyc.bids.some((b) => b.agentId === B.id)).toBe(true);
  });

  test("an agent offers a shift to a colleague, reads that it waits for review, and cancels it", async ({ page }) => {
    // The seeded center, rebuilt here (it is deterministic): an initiator and a colleague at
    // NYC, both tech support, untouched by the demo's own trades, the colleague off for 14 h
    // either side of the shift — so the trade breaks no hard rule and only needs review
    // (the colleague goes over contract hours).
    const demo = generateDemo({ weekStart: addDays(period.start, -14) });
    const busy = new Set(planDemoTrades(demo).flatMap((p) => [p.request.initiatorAgentId, p.request.receiverAgentId]));
    const tech = demo.agents.filter((a) => a.homeSiteId === "NYC" && a.skills.some((k) => k.skillId === "SKILL-EN-TECH-SUPPORT") && !busy.has(a.id) && ![A.id, B.id, C.id].includes(a.id));
    const gap = 11 * 3_600_000; // NYC's minimum rest is 10 h
    const free = (id: string, sh: { start: number; end: number }) => !demo.shifts.some((s) => s.agentId === id && s.start < sh.end + gap && s.end > sh.start - gap);
    // The first initiator, shift (from the week's third on, well past any notice rule) and colleague that fit.
    const pick = tech
      .flatMap((me) => demo.shifts.filter((s) => s.agentId === me.id).sort((a, b) => a.start - b.start).slice(2).map((shift) => ({ me, shift })))
      .map(({ me, shift }) => ({ me, shift, colleague: tech.find((a) => a.id !== me.id && free(a.id, shift)) }))
      .find((x) => x.colleague)!;
    const { me, shift } = pick;
    const colleague = pick.colleague!;

    await signIn(page, `${me.username}@demo.local`);
    await page.goto("/me");
    const form = page.getByRole("form", { name: "Request a trade" });
    await form.getByRole("combobox", { name: "My shift" }).selectOption(shift.id);
    await form.getByRole("textbox", { name: "Colleague (agent id)" }).fill(colleague.id);
    await form.getByRole("button", { name: "Request trade" }).click();
    await expect(page.getByText("Filed: waiting for a supervisor's review.")).toBeVisible();
    const item = page.getByTestId("my-trade").filter({ hasText: `Offered to ${colleague.id}` });
    await expect(item).toContainText("PendingReview");
    await expect(item).toContainText(/Waiting for a supervisor of NYC to review it \(.*contract/);

    page.once("dialog", (d) => void d.accept());
    await item.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByText("Request canceled.")).toBeVisible();
    await expect(item).toContainText("Canceled");
    await expect(item).toContainText("You canceled it.");
    await expect(item.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  });
});
