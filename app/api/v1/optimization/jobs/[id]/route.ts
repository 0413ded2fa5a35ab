import { apiRoute } from "@/lib/api/route";
import { jobIdParam, optimizationJob } from "@/lib/api/openapi/optimization";
import { AppError } from "@/lib/errors";
import { getOptimizationRun } from "@/lib/services/optimization/runs";

/** One optimization job: status, progress, and the result once it is done (polled by the page). */
export const GET = apiRoute(optimizationJob.route, async ({ db, params }) => {
  const id = jobIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a job id.");
  return getOptimizationRun(db, id.data);
});
