import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { countBidsByScope, listAwards, listBids, listLines, listOutcomes, listScopes, type StoredAward, type StoredBid, type StoredLine, type StoredScope } from "../../db/queries/bidding";
import { scopeWindow, type LintFinding } from "../../domain/bidding";
import { listJobs } from "../../db/queries/jobs";
import { siteScopeOf } from "../../auth/checks";
import { lintWith, loadReference, visibleScopes } from "./context";
import { BID_AWARD_JOB } from "./run-award";

export interface ScopeView extends StoredScope {
  opensAt: number;
  closesAt: number;
  findings: LintFinding[];
  bidCount: number;
  submittedCount: number;
}

export interface BiddingOverview {
  scopes: ScopeView[];
  lines: StoredLine[];
  bids: StoredBid[];
  awards: StoredAward[];
  outcomes: { scopeId: string; agentId: string; position: number | null; tier: number; explanation: string }[];
  periods: { start: string; end: string }[];
  /** For the line form and the bid entry: sites with their zone, skills, and the agents a supervisor may see. */
  sites: { id: string; name: string; timeZone: string }[];
  skills: { id: string; name: string }[];
  agents: { id: string; name: string; homeSiteId: string }[];
  lastRuns: { id: string; status: string; error: string | null; createdAt: string; result: Record<string, unknown> | null }[];
}

/** The bidding page: scopes with their findings and windows, lines, bids and awards — a supervisor's own sites only. */
export async function listBidding(db: Db, user: CurrentUser, options: { includeArchived?: boolean } = {}): Promise<BiddingOverview> {
  const [ref, all, counts] = await Promise.all([loadReference(db), listScopes(db, { includeArchived: options.includeArchived ?? true }), countBidsByScope(db)]);
  const { findings } = await lintWith(db, null, ref);
  const scopes = visibleScopes(user, all);
  const ids = scopes.map((s) => s.id);
  const siteScope = siteScopeOf(user, "bidding.read");
  const [lines, bids, awards, outcomes, jobs] = await Promise.all([listLines(db, { siteIds: siteScope }), listBids(db, ids), listAwards(db, ids), listOutcomes(db, ids), listJobs(db, BID_AWARD_JOB, 5)]);
  const periods = [...new Map(scopes.map((s) => [`${s.period.start}..${s.period.end}`, s.period])).values()];
  return {
    scopes: scopes.map((s) => ({ ...s, ...scopeWindow(s), findings: findings.filter((f) => f.scopeId === s.id), bidCount: counts.get(s.id)?.bids ?? 0, submittedCount: counts.get(s.id)?.submitted ?? 0 })),
    lines,
    bids,
    awards,
    outcomes: outcomes.map((o) => ({ scopeId: o.scopeId, agentId: o.agentId, position: o.position, tier: o.tier, explanation: o.explanation })),
    periods,
    sites: ref.sites.filter((s) => siteScope === null || siteScope.includes(s.id)).map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skills: ref.catalog.ids().map((id) => ({ id, name: ref.catalog.get(id)?.name ?? id })),
    agents: ref.agents.filter((a) => siteScope === null || siteScope.includes(a.homeSiteId)).map((a) => ({ id: a.id, name: a.name, homeSiteId: a.homeSiteId })),
    lastRuns: siteScope === null ? jobs.map((j) => ({ id: j.id, status: j.status, error: j.error, createdAt: j.createdAt.toISOString(), result: j.result ?? null })) : [],
  };
}
