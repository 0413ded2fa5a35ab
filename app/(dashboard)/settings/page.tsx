import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getSites, getSkills } from "@/lib/db/queries/reference";
import { getSetting } from "@/lib/db/queries/settings";
import { tradingSettings as tradingSettingsTable } from "@/lib/db/schema";
import { DEFAULT_STAFFING } from "@/lib/domain/erlang";
import { DEFAULT_GAP_THRESHOLDS_SETTING, gapThresholdsSchema } from "@/lib/schemas/settings";
import { getStaffingSettings } from "@/lib/services/demand-import";
import { loadTradingSettings } from "@/lib/services/trades";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { GapThresholdsForm } from "@/components/settings/gap-thresholds-form";
import { StaffingForm } from "@/components/settings/staffing-form";
import { TradingSettingsForm } from "@/components/settings/trading-settings-form";
import { CxoneConnectionForm } from "@/components/settings/cxone-connection-form";
import { getCxoneConnectionView } from "@/lib/services/cxone";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("/settings");
  const db = await getDb();
  const [sites, skills, thresholds, staffing, overrides, cxone] = await Promise.all([
    getSites(db),
    getSkills(db),
    getSetting(db, "gapThresholds", gapThresholdsSchema, DEFAULT_GAP_THRESHOLDS_SETTING),
    getStaffingSettings(db),
    db.select({ scope: tradingSettingsTable.scope }).from(tradingSettingsTable),
    getCxoneConnectionView(db),
  ]);
  const scopes = [{ scope: "org", label: "Organisation default", hasOverride: true }, ...sites.map((s) => ({ scope: s.id, label: `${s.id} — ${s.name}`, hasOverride: overrides.some((o) => o.scope === s.id) }))];
  const settingsFor = await loadTradingSettings(db);
  const trading = Object.fromEntries(scopes.map((s) => [s.scope, settingsFor(s.scope === "org" ? null : s.scope)] as const));
  return (
    <>
      <PageHeader title="Settings" description="Trading policies, staffing targets and gap thresholds. Every change is audited." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Shift trading" description="What the trade engine approves on its own, sends to a supervisor, or denies." />
          <CardBody>
            <TradingSettingsForm scopes={scopes} initial={JSON.parse(JSON.stringify(trading))} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Staffing (Erlang C)" description="Per skill: the service level target, max occupancy and shrinkage used to turn a forecast into required agents." />
          <CardBody>
            <StaffingForm rows={skills.map((s) => ({ skillId: s.id, ...(staffing.get(s.id) ?? DEFAULT_STAFFING) }))} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="CXone connection" description="OAuth client credentials for the CXone WFM API. Test proves the token and each scope with light reads before anything is written." />
          <CardBody>
            <CxoneConnectionForm initial={cxone} backend={env().WFM_BACKEND} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Gap thresholds" description="When a day counts as a gap, when it is HIGH priority, and how short an interval must be to join a gap window." />
          <CardBody>
            <GapThresholdsForm initial={thresholds} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
