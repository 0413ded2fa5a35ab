import { apiRoute } from "@/lib/api/route";
import { getImportOp, importIdParam } from "@/lib/api/openapi/imports";
import { AppError } from "@/lib/errors";
import { getImportView } from "@/lib/services/imports/get";

/** One import: counts, status and whether it was undone. */
export const GET = apiRoute(getImportOp.route, async ({ db, params }) => {
  const id = importIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not an import id.", { field: "id" });
  return getImportView(db, id.data);
});
