import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { listAwards, listBids, listLines, listOutcomes, listScopes, type StoredBid, type StoredLine } from "../../db/queries/bidding";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { biddableLines, isScopeMember, isWindowOpen, lockStatus, rankHint, scopeWindow } from "../../domain/bidding";
import type { Shift } from "../../domain/types";
import { loadReference, requireOwnAgentId } from "./context";

export interface MyScope {
  id: string;
  name: string;
  status: string;
  period: { start: string; end: string };
  windowZone: string;
  opensAt: number;
  closesAt: number;
  open: boolean;
  lockDurationHours: number;
  lines: StoredLine[];
  bid: (StoredBid & { lockState: string | null }) | null;
  hint: string | null;
  awards: { lineId: string; label: string; via: string; reason: string; publishedAt: string | null }[];
  explanation: string | null;
}

export interface MyBidding {
  agent: { id: string; name: string; homeSiteId: string; timeZone: string };
  shifts: Shift[];
  /** Each site's zone, to name the site's clock beside a shift worked away from home. */
  siteZones: Record<string, string>;
  scopes: MyScope[];
}

/** The agent's page: their coming shifts, the windows they may bid in, their bids, locks, hints and awards with the explanation. */
export async function getMyBidding(db: Db, user: CurrentUser, now: number): Promise<MyBidding> {
  const agentId = await requireOwnAgentId(db, user);
  const ref = await loadReference(db);
  const agent = ref.agents.find((a) => a.id === agentId)!;
  const scopes = (await listScopes(db)).filter((s) => s.status !== "draft" && isScopeMember(s, agent));
  const ids = scopes.map((s) => s.id);
  const [allLines, bids, awards, outcomes, shifts] = await Promise.all([
    listLines(db),
    listBids(db, ids),
    listAwards(db, ids, { agentIds: [agentId] }),
    listOutcomes(db, ids, { agentIds: [agentId] }),
    getShiftsOverlapping(db, { from: new Date(now - 86_400_000), to: new Date(now + 42 * 86_400_000) }, { agentIds: [agentId] }),
  ]);
  const lineById = new Map(allLines.map((l) => [l.id, l]));
  const out: MyScope[] = scopes.map((scope) => {
    const w = scopeWindow(scope);
    const periodLines = allLines.filter((l) => l.periodStart === scope.period.start && l.periodEnd === scope.period.end);
    const lines = biddableLines(scope, agent, periodLines, ref.siteById, ref.catalog) as StoredLine[];
    const open = scope.status === "open" && isWindowOpen(scope, now);
    const mine = bids.find((b) => b.scopeId === scope.id && b.agentId === agentId) ?? null;
    const hint = open && lines.length ? rankHint({ scope, agent, agents: ref.agents, lines: periodLines, sites: ref.sites, catalog: ref.catalog, bids: bids.filter((b) => b.scopeId === scope.id), schedule: shifts, now }).message : null;
    return {
      id: scope.id,
      name: scope.name,
      status: scope.status,
      period: scope.period,
      windowZone: scope.window.timeZone,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      open,
      lockDurationHours: scope.lockDurationHours,
      lines,
      bid: mine ? { ...mine, lockState: mine.lock ? lockStatus(mine.lock, scope, w.closesAt, now) : null } : null,
      hint,
      awards: awards.filter((a) => a.scopeId === scope.id).map((a) => ({ lineId: a.lineId, label: lineById.get(a.lineId)?.label ?? a.lineId, via: a.via, reason: a.reason, publishedAt: a.publishedAt })),
      explanation: outcomes.find((o) => o.scopeId === scope.id)?.explanation ?? null,
    };
  });
  return { agent: { id: agent.id, name: agent.name, homeSiteId: agent.homeSiteId, timeZone: agent.timeZone }, shifts, siteZones: Object.fromEntries(ref.sites.map((s) => [s.id, s.timeZone])), scopes: out };
}
