import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { AppError } from "@/lib/errors";
import { undoImport } from "@/lib/services/schedule/undo-import";

/** Undoes a shift import: its shifts removed, the ones it replaced restored, or 409 with the reason. */
export const POST = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/imports/[id]/undo"].POST, accepts: ["application/json", ""] }, async ({ db, user, params, requestId }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not an import id.");
  return undoImport(db, { importId: id.data }, user, Date.now(), requestId);
});
