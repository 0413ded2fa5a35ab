import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getTradeOp, tradeIdParam } from "@/lib/api/openapi/trades";
import { etagOf } from "@/lib/api/versions";
import { AppError } from "@/lib/errors";
import { getTradeView } from "@/lib/services/trades/get";

/** One trade request; its version is the ETag. */
export const GET = apiRoute(getTradeOp.route, async ({ db, user, params }) => {
  const id = tradeIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a trade id.", { field: "id" });
  const trade = await getTradeView(db, user, id.data);
  return NextResponse.json(trade, { headers: { ETag: etagOf(trade.version) } });
});
