import type { Metadata } from "next";
import { can } from "@/lib/auth/checks";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { awardCoverage } from "@/lib/services/bidding/award-coverage";
import { PageHeader } from "@/components/ui/page-header";
import { BiddingClient } from "@/components/bidding/bidding-client";

export const metadata: Metadata = { title: "Bidding" };
export const dynamic = "force-dynamic";

export default async function BiddingPage() {
  const user = await requirePageUser("/bidding");
  const db = await getDb();
  const view = await listBidding(db, user);
  const coverage = Object.fromEntries(
    await Promise.all(view.periods.filter(() => view.awards.length > 0 && can(user, "bidding.award.run")).map(async (p) => [`${p.start}..${p.end}`, await awardCoverage(db, p)] as const)),
  );
  return (
    <>
      <PageHeader title="Bidding" description="Bid scopes isolated by site and skill group, linted before their windows open; agents rank lines, waves award them by static priority, and every agent is told why." />
      <BiddingClient
        view={view}
        coverage={coverage}
        can={{
          editScopes: can(user, "bidding.scopes.write"),
          editLines: can(user, "bidding.lines.write"),
          enterBids: can(user, "bidding.bids.enter"),
          runAward: can(user, "bidding.award.run"),
          adjust: can(user, "bidding.award.adjust"),
          publish: can(user, "bidding.award.publish"),
        }}
      />
    </>
  );
}
