import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** The "scheduled" hours a skill card on the coverage page states for one day at NYC. */
async function scheduledHours(page: Page, skillId: string, day: string): Promise<number> {
  await page.goto(`/coverage?site=NYC&skill=${skillId}&from=${day}&to=${day}`);
  const text = await page.getByTestId("skill-chart").getByText(/ scheduled /).textContent();
  const m = / ([\d.]+) h scheduled /.exec(text ?? "");
  if (!m) throw new Error(`no scheduled hours in "${text}"`);
  return Number(m[1]);
}

test("a NYC supervisor works the NYC queue: approves one trade, rejects one with a comment, and coverage follows", async ({ page }) => {
  await signIn(page, "supervisor.nyc@demo.local");
  await page.goto("/trades");
  const cards = page.getByTestId("review-card");
  await expect(cards.first()).toBeVisible();

  // Only trades NYC reviews: every card waits for NYC; London-only trades are not here.
  const count = await cards.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) await expect(cards.nth(i).getByText(/^NYC: /)).toBeVisible();
  await expect(page.getByText("UnequalPaid", { exact: true })).toHaveCount(0);

  // The ghost-coverage trade: a premium agent's shift goes to a plain sales agent.
  const ghost = cards.filter({ hasText: "lacks SKILL_SALES_PREMIUM" });
  await expect(ghost).toHaveCount(1);
  const startIso = await ghost.locator("li[data-shift-start]").first().getAttribute("data-shift-start");
  const day = startIso!.slice(0, 10);
  const before = await scheduledHours(page, "SKILL_SALES_PREMIUM", day);

  await page.goto("/trades");
  const decisions = page.getByRole("status", { name: "Decisions" });
  await ghost.getByRole("button", { name: "Approve" }).click();
  await expect(decisions).toContainText("Approved and applied");

  const oneSided = cards.filter({ hasText: "One-sided:" }).first();
  await oneSided.getByLabel("Comment").fill("Thursday is already over budget on overtime.");
  await oneSided.getByRole("button", { name: "Reject" }).click();
  await expect(decisions).toContainText("Rejected");

  // The queue refreshes: both are gone; the history shows the decisions.
  await page.reload();
  await expect(cards).toHaveCount(count - 2);
  const history = page.getByRole("table", { name: "Trade history" });
  await expect(history.getByText("Thursday is already over budget on overtime.", { exact: false })).toBeVisible();

  // The coverage page reflects the swap. The shift the premium agent gave away lists only
  // SKILL_SALES (which is why the engine flagged the lost premium skill), while the shift
  // they took back lists no skills, so it now serves their premium skill: premium gains hours.
  const after = await scheduledHours(page, "SKILL_SALES_PREMIUM", day);
  expect(after).toBeGreaterThan(before);
});

test("rejecting without a comment is refused with a clear message and changes nothing", async ({ page }) => {
  await signIn(page, "supervisor.lon@demo.local");
  await page.goto("/trades");
  const card = page.getByTestId("review-card").first();
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(card.getByRole("alert")).toContainText("Say why you reject the trade");
  await page.reload();
  await expect(page.getByTestId("review-card").first()).toBeVisible();
});
