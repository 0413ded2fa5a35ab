import { apiRoute } from "@/lib/api/route";
import { acceptProposalsOp, jobIdParam } from "@/lib/api/openapi/optimization";
import { AppError } from "@/lib/errors";
import { acceptProposals } from "@/lib/services/optimization/accept";

/** Writes the chosen proposals of a finished run as draft shifts; those that no longer fit come back refused with the reason. */
export const POST = apiRoute(acceptProposalsOp.route, async ({ db, user, input, params, requestId }) => {
  const id = jobIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not an optimization run id.", { field: "id" });
  return acceptProposals(db, user, { runId: id.data, proposalIds: input.proposalIds }, requestId);
});
