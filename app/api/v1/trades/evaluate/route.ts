import { apiRoute } from "@/lib/api/route";
import { evaluateTradeOp } from "@/lib/api/openapi/trades";
import { evaluateTradeRequest } from "@/lib/services/trades/evaluate";

/** The trade engine's verdict on a request, nothing filed. */
export const POST = apiRoute(evaluateTradeOp.route, async ({ db, user, input }) => evaluateTradeRequest(db, user, input, Date.now()));
