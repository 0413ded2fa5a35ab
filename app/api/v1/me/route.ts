import { apiRoute } from "@/lib/api/route";
import { ROUTE_ROLES } from "@/lib/api/access";

/** Who the caller is, as the server sees it. */
export const GET = apiRoute({ roles: ROUTE_ROLES["/api/v1/me"].GET }, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  siteIds: user.siteIds,
}));
