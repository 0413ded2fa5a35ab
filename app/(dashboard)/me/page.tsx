import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getMyBidding } from "@/lib/services/bidding/my-bidding";
import { getMyTrades } from "@/lib/services/trades/my-trades";
import { PageHeader } from "@/components/ui/page-header";
import { MyBidsClient } from "@/components/bidding/my-bids-client";

export const metadata: Metadata = { title: "My schedule & bids" };
export const dynamic = "force-dynamic";

export default async function MyPage() {
  const user = await requirePageUser("/me");
  // A server component renders once per request: "now" is that request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const db = await getDb();
  const [data, trades] = await Promise.all([getMyBidding(db, user, now), getMyTrades(db, user)]);
  return (
    <>
      <PageHeader title="My schedule & bids" description={`${data.agent.name} (${data.agent.id}, ${data.agent.homeSiteId}). Rank the lines you want; after the award you see what you got and why.`} />
      <MyBidsClient data={data} trades={trades} />
    </>
  );
}
