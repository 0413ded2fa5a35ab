import type { Capability } from "../auth/permissions";

/**
 * The capability each server action needs, by its exported name; who holds it is in
 * lib/auth/permissions.ts. The actions read it from here ('use server' files may export
 * only async functions), and the refusal test walks every action module and proves each
 * one refuses the anonymous and every role without the capability — so a new action
 * cannot forget its check.
 */
export const ACTION_CAPABILITY = {
  saveGapThresholdsAction: "settings.gaps.write",
  decideTradeAction: "trades.decide",
  requestTradeAction: "trades.request",
  saveTradingSettingsAction: "settings.trading.write",
  saveStaffingSettingsAction: "settings.staffing.write",
  saveCxoneConnectionAction: "cxone.connection.write",
  testCxoneConnectionAction: "cxone.connection.test",
  saveCxonePlatformConnectionAction: "cxone.connection.write",
  testCxoneCapabilitiesAction: "cxone.connection.test",
  previewReferenceSyncAction: "cxone.reference.sync",
  applyReferenceSyncAction: "cxone.reference.sync",
  compareCxoneScheduleAction: "cxone.schedule.compare",
  exportCxoneTemplateAction: "shifts.import",
  pullContactHistoryAction: "demand.import",
  historyAsDemandAction: "demand.import",
  launchOptimizationAction: "optimization.launch",
  cancelOptimizationAction: "optimization.launch",
  acceptProposalsAction: "optimization.accept",
  runCapacityPlanAction: "optimization.launch",
  saveSiteShiftTypesAction: "optimization.shiftTypes.write",
  saveBidScopeAction: "bidding.scopes.write",
  copyBidScopeAction: "bidding.scopes.write",
  archiveBidScopeAction: "bidding.scopes.write",
  openBidWindowAction: "bidding.scopes.write",
  saveBidLinesAction: "bidding.lines.write",
  proposeLinesFromScheduleAction: "bidding.lines.write",
  enterBidsAction: "bidding.bids.enter",
  enterAgentBidAction: "bidding.bids.enter",
  saveOwnBidAction: "bidding.bid",
  lockBidLineAction: "bidding.bid",
  runBidAwardAction: "bidding.award.run",
  adjustAwardAction: "bidding.award.adjust",
  publishAwardsAction: "bidding.award.publish",
  requestOwnTradeAction: "trades.request.own",
  cancelOwnTradeAction: "trades.request.own",
  colleagueShiftsAction: "trades.request.own",
  unlockUserAction: "users.unlock",
  createApiTokenAction: "api.tokens.manage",
  revokeApiTokenAction: "api.tokens.manage",
  createWebhookAction: "webhooks.manage",
  setWebhookActiveAction: "webhooks.manage",
  deleteWebhookAction: "webhooks.manage",
  sendTestWebhookAction: "webhooks.manage",
  redeliverWebhookAction: "webhooks.manage",
  createShiftAction: "schedule.edit",
  editShiftAction: "schedule.edit",
  deleteShiftAction: "schedule.edit",
  previewShiftEditAction: "schedule.edit",
  previewPublishAction: "schedule.publish",
  publishShiftsAction: "schedule.publish",
  undoImportAction: "imports.undo",
  getShiftHistoryAction: "schedule.read",
} as const satisfies Record<string, Capability>;

export type ActionName = keyof typeof ACTION_CAPABILITY;
