import { apiRoute } from "@/lib/api/route";
import { tradeQueue } from "@/lib/api/openapi/trades";
import { queueToWire } from "@/lib/api/wire";
import { getReviewQueue } from "@/lib/services/trades/queue";

/** The pending trades the caller reviews (a supervisor: their sites only) and the trade-rate alerts. */
export const GET = apiRoute(tradeQueue.route, async ({ db, user }) => queueToWire(await getReviewQueue(db, user, Date.now())));
