import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listTrades, requestTradeOp } from "@/lib/api/openapi/trades";
import { etagOf } from "@/lib/api/versions";
import { getTradeView } from "@/lib/services/trades/get";
import { listTradesPage } from "@/lib/services/trades/list";
import { requestTrade } from "@/lib/services/trades/request";

/** Trade requests newest first, paged (a supervisor: their sites'). */
export const GET = apiRoute(listTrades.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const filter = { status: input.status, siteId: input.siteId, from: input.from ? Date.parse(input.from) : undefined, to: input.to ? Date.parse(input.to) : undefined };
  const page = await listTradesPage(db, user, filter, decodeCursor(input.cursor, fingerprint), input.limit);
  return pageResponse(page.items, page.lastKey, fingerprint);
});

/** Files a trade request through the engine (the dashboard's use case); 201 with the trade as filed. */
export const POST = apiRoute(requestTradeOp.route, async ({ db, user, input, requestId }) => {
  const filed = await requestTrade(db, input, { id: user.id, label: user.email }, Date.now(), requestId);
  const trade = await getTradeView(db, user, filed.tradeId);
  return NextResponse.json(trade, { status: 201, headers: { ETag: etagOf(trade.version) } });
});
