import "server-only";
import type { Db } from "../../db/client";
import { insertJob } from "../../db/queries/jobs";

/** The job kind of one delivery attempt; its payload is `{ deliveryId }`. */
export const WEBHOOK_DELIVER_JOB = "webhook.deliver";

/** The job that makes one attempt of a delivery, not claimed before `runAfter` (default: now). */
export async function queueDeliveryJob(tx: Db, deliveryId: string, runAfter: Date | null, createdBy: string | null = null): Promise<string> {
  return insertJob(tx, { kind: WEBHOOK_DELIVER_JOB, payload: { deliveryId }, createdBy, ...(runAfter ? { runAfter } : {}) });
}
