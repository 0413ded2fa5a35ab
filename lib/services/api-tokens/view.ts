import "server-only";
import type { ApiTokenRow } from "../../db/queries/api-tokens";
import type { ApiTokenView } from "../../types/api-tokens";

export function tokenStatus(row: Pick<ApiTokenRow, "revokedAt" | "expiresAt">, now: Date): ApiTokenView["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toTokenView(row: ApiTokenRow, now: Date, createdByEmail: string | null = null): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiTokenView["role"],
    siteIds: [...row.siteIds],
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    createdBy: createdByEmail,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: tokenStatus(row, now),
  };
}
