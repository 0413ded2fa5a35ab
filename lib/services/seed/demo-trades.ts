import "server-only";
import type { Db } from "../../db/client";
import { editShiftIfVersion } from "../../db/queries/shifts";
import type { DemoData } from "../../demo/generate";
import { demoTradingSettings, planDemoTrades, type DemoShiftEdit, type DemoTradeSetup } from "../../demo/trades";
import { isAppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { saveTradingSettings } from "../settings/trading";
import { requestTrade } from "../trades/request";

const DEMO_ACTOR: AuditActor = { id: null, label: "demo seed" };

/** Requests are filed a minute apart, the last at `now`, so the queue and history read in order. */
const STAGGER_MS = 60_000;

export interface SeededDemoTrade {
  label: string;
  tradeId: string;
  status: string;
}

/**
 * Gives the demo a trade history and a review queue at NYC and LON (lib/demo/trades):
 * saves the demo trading settings, then files each planned request through requestTrade,
 * so every stored verdict and violation is the real engine's. A request the service
 * refuses is skipped with a warning. Call it after seedDemo, at the real clock: `now` must
 * lie before the demo week (the plans hold from weekStart − 7 days to weekStart).
 */
export async function seedDemoTrades(db: Db, demo: DemoData, now: number): Promise<SeededDemoTrade[]> {
  for (const row of demoTradingSettings(demo)) await saveTradingSettings(db, row.scope, row.raw, DEMO_ACTOR);
  const plans = planDemoTrades(demo);
  const seeded: SeededDemoTrade[] = [];
  const skipped: string[] = [];
  for (const [i, plan] of plans.entries()) {
    const at = now - (plans.length - 1 - i) * STAGGER_MS;
    await applySetup(db, plan.before, at, skipped);
    try {
      const r = await requestTrade(db, plan.request, DEMO_ACTOR, at);
      seeded.push({ label: plan.label, tradeId: r.tradeId, status: r.status });
    } catch (e) {
      if (!isAppError(e)) throw e;
      skipped.push(`${plan.label}: ${e.message}`);
    }
    await applySetup(db, plan.after, at, skipped);
  }
  if (skipped.length > 0) {
    console.warn(`Demo trades: ${skipped.length} of ${plans.length} planned requests were not filed:\n  ${skipped.join("\n  ")}`);
  }
  return seeded;
}

async function applySetup(db: Db, setup: DemoTradeSetup | undefined, at: number, skipped: string[]): Promise<void> {
  for (const row of setup?.settings ?? []) await saveTradingSettings(db, row.scope, row.raw, DEMO_ACTOR);
  for (const edit of setup?.shiftEdits ?? []) {
    if (!(await editShift(db, edit, at))) skipped.push(`shift edit ${edit.shiftId} (${edit.reason}): the shift is not at version ${edit.version}`);
  }
}

/** A planner's change to one shift, checked against the version the plan saw, bumped and audited. */
async function editShift(db: Db, edit: DemoShiftEdit, at: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changes = {
      ...(edit.skills ? { skills: edit.skills } : {}),
      ...(edit.end !== undefined ? { endsAt: new Date(edit.end) } : {}),
      ...(edit.breaks ? { breaks: edit.breaks } : {}),
    };
    if (!(await editShiftIfVersion(tx, edit.shiftId, edit.version, changes, new Date(at)))) return false;
    await recordAudit(tx, DEMO_ACTOR, {
      action: "shift.edited",
      entityType: "shift",
      entityId: edit.shiftId,
      details: { reason: edit.reason, ...(edit.skills ? { skills: edit.skills } : {}), ...(edit.end !== undefined ? { endsAt: new Date(edit.end).toISOString() } : {}), ...(edit.breaks ? { breaks: edit.breaks } : {}) },
    });
    return true;
  });
}
