import { apiRoute } from "@/lib/api/route";
import { getMe } from "@/lib/api/openapi/me";

/** Who the caller is, as the server sees it. */
export const GET = apiRoute(getMe.route, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  siteIds: user.siteIds,
}));
