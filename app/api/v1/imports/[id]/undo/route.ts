import { apiRoute } from "@/lib/api/route";
import { importIdParam, undoShiftImport } from "@/lib/api/openapi/imports";
import { AppError } from "@/lib/errors";
import { undoImport } from "@/lib/services/schedule/undo-import";

/** Undoes a shift import: its shifts removed, the ones it replaced restored, or 409 with the reason. */
export const POST = apiRoute(undoShiftImport.route, async ({ db, user, params, requestId }) => {
  const id = importIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not an import id.", { field: "id" });
  return undoImport(db, { importId: id.data }, user, Date.now(), requestId);
});
