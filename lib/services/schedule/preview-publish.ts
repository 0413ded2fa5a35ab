import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import type { PublishSelection } from "../../schemas/schedule";
import type { PublishPreview } from "../../types/schedule";
import { selectPublishable, summarize } from "./publish-selection";

/** What publishing this selection would change: shifts, agents, paid hours, per site, and the ids to publish. */
export async function previewPublish(db: Db, selection: PublishSelection, user: CurrentUser): Promise<PublishPreview> {
  assertCan(user, "schedule.publish");
  return summarize(await selectPublishable(db, selection));
}
