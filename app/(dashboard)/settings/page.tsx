import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getSettingsOverview } from "@/lib/services/settings/overview";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { GapThresholdsForm } from "@/components/settings/gap-thresholds-form";
import { StaffingForm } from "@/components/settings/staffing-form";
import { TradingSettingsForm } from "@/components/settings/trading-settings-form";
import { CxoneConnectionSection } from "@/components/settings/cxone-connection-section";
import { CxoneReferenceSync } from "@/components/settings/cxone-reference-sync";
import { CxoneContactHistory } from "@/components/settings/cxone-contact-history";
import { getCxonePanel } from "@/lib/services/cxone/panel";
import { ApiTokensSection } from "@/components/settings/api-tokens-section";
import { listApiTokens } from "@/lib/services/api-tokens/list";
import { listSites } from "@/lib/services/reference/sites";
import { WebhooksSection } from "@/components/settings/webhooks-section";
import { listWebhookEndpointViews } from "@/lib/services/webhooks/list";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const { tradingScopes: scopes, trading, staffing, thresholds, cxone, backend, periodOptions } = await getSettingsOverview(db);
  const cxonePanel = await getCxonePanel(db);
  const [apiTokens, sites, webhooks] = await Promise.all([listApiTokens(db, user, new Date()), listSites(db), listWebhookEndpointViews(db, user)]);
  return (
    <>
      <PageHeader title="Settings" description="Trading policies, staffing targets and gap thresholds. Every change is audited." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Shift trading" description="What the trade engine approves on its own, sends to a supervisor, or denies." />
          <CardBody>
            <TradingSettingsForm scopes={scopes} initial={JSON.parse(JSON.stringify(trading))} options={periodOptions} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Staffing (Erlang C)" description="Per skill: the service level target, max occupancy and shrinkage used to turn a forecast into required agents." />
          <CardBody>
            <StaffingForm rows={staffing} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="CXone connection" description="The NICE platform (tenant discovery, access key) or the seed's WFM API (client credentials). Test connection reports per capability what works, with light reads only." />
          <CardBody>
            <CxoneConnectionSection initial={cxone} backend={backend} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="CXone agents and skills" description="Preview what CXone's agents and skills would change in ours; nothing changes until you confirm." />
          <CardBody>
            <CxoneReferenceSync available={cxonePanel.offer.features.referenceSync.available} reason={cxonePanel.offer.features.referenceSync.reason} sites={cxonePanel.sites} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="CXone contact history" description="Historical contacts and handle times per skill and interval, stored as history and usable as demand through Erlang C." />
          <CardBody>
            <CxoneContactHistory available={cxonePanel.offer.features.contactHistory.available} reason={cxonePanel.offer.features.contactHistory.reason} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="API tokens"
            description="Service tokens for scripts and integrations (payroll, HR, BI). A token acts with its role and sites under the same rules as a person; it is shown once, stored hashed, and can be revoked at any time."
          />
          <CardBody>
            <ApiTokensSection tokens={apiTokens} sites={sites.map((s) => ({ id: s.id, name: s.name }))} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Webhooks"
            description="HTTPS endpoints told of committed imports, trade decisions, finished optimization runs and bid awards. Each delivery is signed (HMAC-SHA256 of the timestamp and body) and retried for about 15 hours (1 min, 5 min, 30 min, 2 h, 12 h) before it is marked failed."
          />
          <CardBody>
            <WebhooksSection endpoints={webhooks} />
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
