import "server-only";
import type { Db } from "../../db/client";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { CxoneClientDeps } from "../../cxone";
import type { ReferenceSyncPreview } from "../../types/cxone";
import { loadReferencePlan, previewOf } from "./reference-sync-shared";

/**
 * What syncing CXone's agents and skills would do to our reference data: added, changed,
 * missing. Reads only; the planner confirms with the returned fingerprint.
 */
export async function previewReferenceSync(db: Db, user: CurrentUser, options: { deps?: CxoneClientDeps } = {}): Promise<ReferenceSyncPreview> {
  assertCan(user, "cxone.reference.sync");
  const { plan, fingerprint } = await loadReferencePlan(db, options.deps);
  return previewOf(plan, fingerprint);
}
