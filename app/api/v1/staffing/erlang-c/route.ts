import { apiRoute } from "@/lib/api/route";
import { erlangC } from "@/lib/api/openapi/staffing";
import { calculateErlangC } from "@/lib/services/staffing/erlang-c";

/** Agents, service level, ASA and occupancy per interval by Erlang C (stateless). */
export const POST = apiRoute(erlangC.route, async ({ user, input }) => calculateErlangC(user, input));
