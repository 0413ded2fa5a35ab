import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { launchOptimizationOp } from "@/lib/api/openapi/optimization";
import { launchOptimization } from "@/lib/services/optimization/launch";
import { getOptimizationRun } from "@/lib/services/optimization/runs";

/** Queues an optimization run (the Optimization page's launch); 201 with the run to poll. */
export const POST = apiRoute(launchOptimizationOp.route, async ({ db, user, input, requestId }) => {
  const jobId = await launchOptimization(db, input, { id: user.id, label: user.email }, requestId);
  return NextResponse.json(await getOptimizationRun(db, jobId), { status: 201 });
});
