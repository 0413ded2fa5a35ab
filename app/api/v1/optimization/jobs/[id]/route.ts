import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { AppError } from "@/lib/errors";
import { getOptimizationRun } from "@/lib/services/optimization/runs";

/** One optimization job: status, progress, and the result once it is done (polled by the page). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/optimization/jobs/[id]"].GET }, async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a job id.");
  return getOptimizationRun(db, id.data);
});
