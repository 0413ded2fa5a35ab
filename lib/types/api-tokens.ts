/** An API token as the Settings page lists it: never the token, only its prefix. */
export interface ApiTokenView {
  id: string;
  name: string;
  role: "planner" | "supervisor" | "admin";
  siteIds: string[];
  /** The first characters of the token, to tell tokens apart ("sb_k3J9x2Qa…"). */
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
}

/** What creating a token answers: the token itself, shown this once. */
export interface CreatedApiToken {
  token: string;
  view: ApiTokenView;
}
