import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { AppError } from "@/lib/errors";
import { getJob } from "@/lib/jobs/queue";
import { OPTIMIZATION_JOB } from "@/lib/services/optimization";

/** One optimization job: status, progress, and the result once it is done (polled by the page). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/optimization/jobs/[id]"].GET }, async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a job id.");
  const job = await getJob(db, id.data);
  if (!job || job.kind !== OPTIMIZATION_JOB) throw new AppError("NOT_FOUND", "No such optimization run.");
  return { id: job.id, status: job.status, progress: job.progress, error: job.error, payload: job.payload, result: job.result, createdAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() };
});
