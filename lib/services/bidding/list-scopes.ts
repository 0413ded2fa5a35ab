import "server-only";
import type { Db } from "../../db/client";
import { listBidScopes } from "../../db/queries/bid-scopes";

export interface BidScopeSummary {
  id: string;
  name: string;
  wave: number;
  locations: string[];
  skillGroups: string[];
  /** The priority kind (tenure, performance, ...), or null when the stored priority names none. */
  priorityKind: string | null;
  lockTimeoutHours: number;
  schedulePeriodStart: string;
  status: "draft" | "open" | "closed";
}

/** Every bid scope as the bidding page lists it, by wave then name. */
export async function listBidScopeSummaries(db: Db): Promise<BidScopeSummary[]> {
  const rows = await listBidScopes(db);
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    wave: s.wave,
    locations: s.locations,
    skillGroups: s.skillGroups,
    priorityKind: typeof s.priority.kind === "string" ? s.priority.kind : null,
    lockTimeoutHours: s.lockTimeoutHours,
    schedulePeriodStart: s.schedulePeriodStart,
    status: s.status,
  }));
}
