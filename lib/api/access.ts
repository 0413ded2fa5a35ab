import type { Capability } from "../auth/permissions";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The capability each route handler needs, by path and method; who holds it is in
 * lib/auth/permissions.ts. Route files may export only handlers, so the mapping lives
 * here; the refusal test walks every route file and proves the anonymous and every role
 * without the capability are refused.
 */
export const ROUTE_CAPABILITY = {
  "/api/v1/me": { GET: "me.read" },
  "/api/v1/imports/shifts": { POST: "shifts.import" },
  "/api/v1/imports/demand": { POST: "demand.import" },
  "/api/v1/cxone/schedule-comparison": { POST: "cxone.schedule.compare" },
  "/api/v1/imports/[id]/errors": { GET: "imports.read" },
  "/api/v1/trades/queue": { GET: "trades.queue.read" },
  "/api/v1/trades/bulk": { POST: "trades.bulk" },
  "/api/v1/shifts": { GET: "shifts.read", POST: "schedule.edit" },
  "/api/v1/shifts/[id]": { GET: "schedule.read", PATCH: "schedule.edit", DELETE: "schedule.edit" },
  "/api/v1/shifts/publish": { POST: "schedule.publish" },
  "/api/v1/imports/[id]/undo": { POST: "imports.undo" },
  "/api/v1/schedule": { GET: "schedule.read" },
  "/api/v1/schedule/coverage": { GET: "coverage.read" },
  "/api/v1/optimization/jobs/[id]": { GET: "optimization.read" },
  "/api/v1/bidding/scopes": { GET: "bidding.read", POST: "bidding.scopes.write" },
  "/api/v1/bidding/scopes/[id]": { GET: "bidding.read", PUT: "bidding.scopes.write" },
  "/api/v1/bidding/scopes/[id]/lint": { GET: "bidding.read" },
  "/api/v1/bidding/lines": { GET: "bidding.read", POST: "bidding.lines.write" },
  "/api/v1/bidding/bids": { GET: "bidding.read", POST: "bidding.bids.enter" },
  "/api/v1/bidding/awards": { GET: "bidding.read" },
  "/api/v1/bidding/awards/export": { GET: "bidding.award.publish" },
  "/api/v1/sites": { GET: "reference.read" },
  "/api/v1/skills": { GET: "reference.read" },
  "/api/v1/agents": { GET: "reference.read" },
  "/api/v1/coverage": { GET: "coverage.read" },
  "/api/v1/gaps": { GET: "coverage.read" },
  "/api/v1/staffing/erlang-c": { POST: "staffing.calculate" },
  "/api/v1/webhooks": { GET: "webhooks.manage", POST: "webhooks.manage" },
  "/api/v1/webhooks/[id]": { DELETE: "webhooks.manage" },
  "/api/v1/webhooks/[id]/deliveries": { GET: "webhooks.manage" },
  "/api/v1/trades": { GET: "trades.read", POST: "trades.request" },
  "/api/v1/trades/evaluate": { POST: "trades.request" },
  "/api/v1/trades/[id]": { GET: "trades.read" },
  "/api/v1/trades/[id]/decision": { POST: "trades.decide" },
  "/api/v1/optimization/jobs": { POST: "optimization.launch" },
  "/api/v1/optimization/jobs/[id]/accept": { POST: "optimization.accept" },
  "/api/v1/optimization/jobs/[id]/cancel": { POST: "optimization.launch" },
  "/api/v1/optimization/capacity-plans": { POST: "optimization.launch" },
  "/api/v1/imports": { GET: "imports.read" },
  "/api/v1/imports/[id]": { GET: "imports.read" },
  "/api/v1/demand": { GET: "coverage.read" },
} as const satisfies Record<string, Partial<Record<Method, Capability>>>;

/**
 * Routes open to anyone by design: the sign-in endpoints themselves, and the published API
 * contract and its reference page (an integrator reads them before holding a token; they
 * describe the API, they serve no data).
 */
export const PUBLIC_ROUTES = ["/api/auth/[...nextauth]", "/api/v1/openapi.json", "/api/docs", "/api/docs/scalar.js"] as const;
