import type { Role } from "../auth/roles";

/**
 * Who may call each server action, by its exported name. The actions read their roles
 * from here ('use server' files may export only async functions), and the refusal test
 * walks every action module and proves each one refuses the anonymous and every role
 * not listed — so a new action cannot forget its check.
 */
export const ACTION_ROLES = {
  saveGapThresholdsAction: ["admin"],
  decideTradeAction: ["supervisor", "admin"],
  requestTradeAction: ["planner", "admin"],
  saveTradingSettingsAction: ["admin"],
  saveStaffingSettingsAction: ["admin"],
  saveCxoneConnectionAction: ["admin"],
  testCxoneConnectionAction: ["admin"],
  launchOptimizationAction: ["planner", "admin"],
  unlockUserAction: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type ActionName = keyof typeof ACTION_ROLES;
