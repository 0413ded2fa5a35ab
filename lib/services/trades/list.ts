import "server-only";
import { assertCan, siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getTradePage, type TradeStatus } from "../../db/queries/trades";
import { AppError } from "../../errors";
import type { TradeView } from "../../types/trades";
import { tradeViews } from "./view";

export interface TradeListFilter {
  status?: TradeStatus;
  siteId?: string;
  /** The initiator shift starts at or after `from` and before `to` (instants). */
  from?: number;
  to?: number;
}

/**
 * A page of trades, newest first (a supervisor: those whose initiator shift is worked at
 * their sites, as the trade history shows them; another site named is refused). `after` is
 * the key of the previous page's last trade; `lastKey` is null on the last page.
 */
export async function listTradesPage(db: Db, user: CurrentUser, filter: TradeListFilter, after: string | null, limit: number): Promise<{ items: TradeView[]; lastKey: string | null }> {
  assertCan(user, "trades.read", filter.siteId);
  const key = after ? parseKey(after) : null;
  const rows = await getTradePage(db, {
    siteIds: siteScopeOf(user, "trades.read") ?? undefined,
    siteId: filter.siteId,
    status: filter.status,
    from: filter.from === undefined ? undefined : new Date(filter.from),
    to: filter.to === undefined ? undefined : new Date(filter.to),
    after: key,
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await tradeViews(db, page), lastKey: rows.length > limit && last ? `${last.t.createdAt.toISOString()}|${last.t.id}` : null };
}

function parseKey(key: string): { createdAt: string; id: string } {
  const [createdAt, id] = key.split("|");
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("VALIDATION", "cursor: not a cursor this API issued.", { field: "cursor" });
  return { createdAt, id };
}
