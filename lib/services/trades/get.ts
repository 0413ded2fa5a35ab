import "server-only";
import { assertCan, can, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getShiftsByIds } from "../../db/queries/shifts";
import { getTrade } from "../../db/queries/trades";
import { AppError } from "../../errors";
import type { TradeView } from "../../types/trades";
import { tradeViews } from "./view";

/**
 * One trade request with its shifts, violations and decisions. A supervisor sees it when the
 * initiator's shift or a site that reviews it is theirs (they may be asked to decide it).
 */
export async function getTradeView(db: Db, user: CurrentUser, tradeId: string): Promise<TradeView> {
  assertCan(user, "trades.read");
  const trade = await getTrade(db, tradeId);
  if (!trade) throw new AppError("NOT_FOUND", "No such trade request.");
  const [shift] = await getShiftsByIds(db, [trade.initiatorShiftId]);
  const siteId = shift?.siteId ?? "";
  if (![siteId, ...trade.reviewSiteIds].some((s) => can(user, "trades.read", s))) throw new AppError("SITE_FORBIDDEN", `This trade is worked at ${siteId}, outside your sites.`);
  const [view] = await tradeViews(db, [{ t: trade, siteId }]);
  return view;
}
