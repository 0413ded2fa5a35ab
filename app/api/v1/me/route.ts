import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";

/** Who the caller is, as the server sees it. */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/me"].GET }, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  siteIds: user.siteIds,
}));
