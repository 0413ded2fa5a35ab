import "server-only";
import type { Db } from "../../db/client";
import { getSites, getSkills } from "../../db/queries/reference";
import { getTradingSettingsRows } from "../../db/queries/settings";
import { DEFAULT_STAFFING, type StaffingSettings } from "../../domain/erlang";
import type { TradingSettings } from "../../domain/trades";
import type { CxoneConnectionView } from "../../schemas/cxone-connection";
import type { GapThresholdsInput } from "../../schemas/settings";
import { currentBackendName } from "../backends";
import { getCxoneConnectionView } from "./cxone-connection";
import { getGapThresholds } from "./gap-thresholds";
import { getStaffingSettings } from "./staffing";
import { loadTradingSettings } from "./trading";

export interface SettingsOverview {
  /** "org" first, then each site, with whether it has its own override. */
  tradingScopes: { scope: string; label: string; hasOverride: boolean }[];
  /** The settings in force per scope (an override, the org default, or the built-in defaults). */
  trading: Record<string, TradingSettings>;
  staffing: ({ skillId: string } & StaffingSettings)[];
  thresholds: GapThresholdsInput;
  cxone: CxoneConnectionView;
  backend: "local" | "cxone";
  /** What a critical period may name: the sites (with their zones, for its times) and the skills. */
  periodOptions: { sites: { id: string; name: string; timeZone: string }[]; skills: { id: string; name: string }[] };
}

/** Everything the settings page shows, in one call. */
export async function getSettingsOverview(db: Db): Promise<SettingsOverview> {
  const [sites, skills, thresholds, staffing, rows, cxone, settingsFor] = await Promise.all([
    getSites(db),
    getSkills(db),
    getGapThresholds(db),
    getStaffingSettings(db),
    getTradingSettingsRows(db),
    getCxoneConnectionView(db),
    loadTradingSettings(db),
  ]);
  const tradingScopes = [
    { scope: "org", label: "Organisation default", hasOverride: true },
    ...sites.map((s) => ({ scope: s.id, label: `${s.id} — ${s.name}`, hasOverride: rows.some((o) => o.scope === s.id) })),
  ];
  return {
    tradingScopes,
    trading: Object.fromEntries(tradingScopes.map((s) => [s.scope, settingsFor(s.scope === "org" ? null : s.scope)] as const)),
    staffing: skills.map((s) => ({ skillId: s.id, ...(staffing.get(s.id) ?? DEFAULT_STAFFING) })),
    thresholds,
    cxone,
    backend: currentBackendName(),
    periodOptions: { sites: sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })), skills: skills.map((s) => ({ id: s.id, name: s.name })) },
  };
}
