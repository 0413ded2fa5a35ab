import { ROLES, type Role } from "../auth/roles";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call each route handler, by path and method. Route files may export only
 * handlers, so the roles live here; the refusal test walks every route file and proves
 * the anonymous and every unlisted role are refused.
 */
export const ROUTE_ROLES = {
  "/api/v1/me": { GET: ROLES },
  "/api/v1/imports/shifts": { POST: ["planner", "admin"] },
  "/api/v1/imports/demand": { POST: ["planner", "admin"] },
  "/api/v1/imports/[id]/errors": { GET: ["planner", "admin"] },
  "/api/v1/trades/queue": { GET: ["supervisor", "admin"] },
  "/api/v1/trades/bulk": { POST: ["planner", "admin"] },
  "/api/v1/shifts": { GET: ["planner", "admin"] },
  "/api/v1/optimization/jobs/[id]": { GET: ["planner", "admin"] },
} as const satisfies Record<string, Partial<Record<Method, readonly Role[]>>>;

/** Routes that authenticate by design (the sign-in endpoints themselves). */
export const PUBLIC_ROUTES = ["/api/auth/[...nextauth]"] as const;
