import "server-only";
import type { Db } from "../../db/client";
import { existingAgentIds, upsertBid } from "../../db/queries/bidding";
import { isAppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { loadReference } from "./context";
import { readBiddingCsv, rowErrors, type CsvRowError } from "./csv";
import { checkBid } from "./save-bid";

/**
 * A planner imports bids for a scope on the agents' behalf: one row per choice (agentId,
 * lineId, rank). Every agent's bid is checked like an agent's own (unknown agent, duplicate
 * rank, a line outside their scopes, closed window); any error stores nothing. Imported
 * bids are submitted at the import's time.
 */
export async function importBidsCsv(db: Db, input: { scopeId: string; csv: string }, actor: AuditActor, now: number, requestId?: string): Promise<{ agents: number; choices: number }> {
  const records = readBiddingCsv(input.csv, ["agentId", "lineId", "rank"]);
  const errors: CsvRowError[] = [];
  const known = await existingAgentIds(db, [...new Set(records.map((r) => r.cells.agentid))]);
  const byAgent = new Map<string, { lineId: string; rank: number; row: number }[]>();
  for (const { row, cells } of records) {
    if (!known.has(cells.agentid)) {
      errors.push({ row, column: "agentId", value: cells.agentid, message: `unknown agent ${cells.agentid || "(empty)"}.` });
      continue;
    }
    const rank = Number(cells.rank);
    if (!Number.isInteger(rank) || rank < 1) {
      errors.push({ row, column: "rank", value: cells.rank, message: "rank is a whole number from 1." });
      continue;
    }
    (byAgent.get(cells.agentid) ?? byAgent.set(cells.agentid, []).get(cells.agentid)!).push({ lineId: cells.lineid, rank, row });
  }
  if (records.length === 0) errors.push({ row: 1, column: null, value: null, message: "the file has no bids." });
  const ref = await loadReference(db, { agentIds: [...byAgent.keys()] });
  for (const [agentId, prefs] of byAgent) {
    try {
      await checkBid(db, { scopeId: input.scopeId, agentId, preferences: prefs.map(({ lineId, rank }) => ({ lineId, rank })), submit: true }, now, ref);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code !== "VALIDATION") throw e;
      errors.push({ row: prefs[0].row, column: null, value: agentId, message: `${agentId}: ${e.userMessage}` });
    }
  }
  if (errors.length) throw rowErrors(errors.sort((a, b) => a.row - b.row), "bids");
  await db.transaction(async (tx) => {
    for (const [agentId, prefs] of byAgent) {
      await upsertBid(tx, { scopeId: input.scopeId, agentId, preferences: prefs.map(({ lineId, rank }) => ({ lineId, rank })).sort((a, b) => a.rank - b.rank), submittedAt: now }, actor.id);
    }
    await recordAudit(tx, actor, { action: "bid.imported", entityType: "bid_scope", entityId: input.scopeId, details: { agents: byAgent.size, choices: records.length } }, requestId);
  });
  return { agents: byAgent.size, choices: records.length };
}
