import { apiRoute } from "@/lib/api/route";
import { cancelOptimizationOp, jobIdParam } from "@/lib/api/openapi/optimization";
import { AppError } from "@/lib/errors";
import { cancelOptimization } from "@/lib/services/optimization/cancel";

/** Stops a queued or running optimization; its best answer so far is kept. */
export const POST = apiRoute(cancelOptimizationOp.route, async ({ db, user, params, requestId }) => {
  const id = jobIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not an optimization run id.", { field: "id" });
  return cancelOptimization(db, id.data, { id: user.id, label: user.email }, requestId);
});
