import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { getReviewQueue } from "@/lib/services/trades/queue";

/** The pending trades the caller reviews (a supervisor: their sites only) and the trade-rate alerts. */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/trades/queue"].GET }, async ({ db, user }) => getReviewQueue(db, user, Date.now()));
