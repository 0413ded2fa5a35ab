import "server-only";
import { randomUUID } from "node:crypto";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { publishShiftRows } from "../../db/queries/schedule-edits";
import { shiftSourceHash } from "../../csv/hash";
import { AppError } from "../../errors";
import type { PublishSelection } from "../../schemas/schedule";
import type { PublishResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { wfmBackend } from "../backends";
import { actorOf } from "./shared";
import { selectPublishable, summarize } from "./publish-selection";

/** A publish names its shifts in the audit log up to this many (a shift's history finds it by them). */
const AUDITED_IDS = 10_000;

/**
 * Publishes the selection in one transaction, audited: drafts become PUBLISHED, changed
 * published shifts lose their mark, every one's version moves on. With `shiftIds` (what the
 * preview returned) exactly those are published, if they still need it. Then, with the
 * CXone backend, the published shifts are pushed and CXone's counts returned; a failed push
 * is reported and does not undo the publish (as with imports).
 */
export async function publishShifts(db: Db, selection: PublishSelection, user: CurrentUser, now: number, requestId?: string): Promise<PublishResult> {
  assertCan(user, "schedule.publish");
  const rows = await selectPublishable(db, selection);
  if (rows.length === 0) {
    throw new AppError("VALIDATION", "Nothing to publish: no draft or changed shift matches this selection (it may have been published already).", { field: "selection" });
  }
  const preview = summarize(rows);
  const at = new Date(now);
  const published = await db.transaction(async (tx) => {
    const count = await publishShiftRows(tx, preview.shiftIds, at);
    if (count === 0) throw new AppError("CONFLICT", "Someone else published these shifts meanwhile; nothing was changed.");
    await recordAudit(
      tx,
      actorOf(user),
      {
        action: "schedule.published",
        entityType: "schedule",
        entityId: randomUUID(),
        details: {
          shifts: count,
          agents: preview.agents,
          paidHours: preview.paidHours,
          selection: { ...selection, shiftIds: selection.shiftIds ? selection.shiftIds.length : undefined },
          ...(preview.shiftIds.length <= AUDITED_IDS ? { shiftIds: preview.shiftIds } : {}),
        },
      },
      requestId,
    );
    return count;
  });
  const backend = wfmBackend();
  const pushed = await backend.pushPublished(
    db,
    rows.map((r, i) => ({
      row: i + 1,
      agentId: r.agentId,
      siteId: r.siteId,
      start: r.startsAt.getTime(),
      end: r.endsAt.getTime(),
      skills: r.skills,
      status: "PUBLISHED" as const,
      breaks: r.breaks,
      notes: null,
      sourceHash: shiftSourceHash(r.agentId, r.startsAt.getTime(), r.endsAt.getTime()),
    })),
  );
  if (!pushed) return { published };
  return {
    published,
    backend: "message" in pushed ? { name: backend.name, processed: 0, failed: rows.length, message: pushed.message } : { name: backend.name, processed: pushed.processedCount, failed: pushed.failedCount },
  };
}
