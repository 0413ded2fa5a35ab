import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { decideTradeOp, tradeIdParam } from "@/lib/api/openapi/trades";
import { etagOf, versionFromIfMatch } from "@/lib/api/versions";
import { AppError } from "@/lib/errors";
import { decideTrade } from "@/lib/services/trades/decide";

/** A supervisor's decision for one site, at the trade version named by If-Match. */
export const POST = apiRoute(decideTradeOp.route, async ({ db, user, input, params, request, requestId }) => {
  const id = tradeIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a trade id.", { field: "id" });
  const expectedVersion = versionFromIfMatch(request, "trade");
  const result = await decideTrade(db, { tradeId: id.data, ...input, expectedVersion }, user, Date.now(), requestId);
  return NextResponse.json(result, { headers: { ETag: etagOf(result.version) } });
});
