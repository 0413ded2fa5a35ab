/**
 * The one map of who may do what. Navigation, pages, server actions, route handlers and
 * services all read it; the refusal test walks it. A capability names one thing a person
 * does (`trades.decide`), the roles granted it, and whether the grant is site-scoped.
 *
 * Site scope: for a site-scoped capability, a site-bound role (a supervisor) acts only on
 * the sites on their record; every other granted role acts on every site. The site is
 * always taken from the loaded record, never from what the browser sent.
 *
 * Adding a role (say `agent`) is one edit per capability it gets: add it to `roles`.
 * Free of next and server-only: the browser may read it to hide what it cannot use, but
 * the server checks are the boundary.
 */
import type { Role } from "./roles";

export interface Permission {
  roles: readonly Role[];
  /** A site-bound role may use it only on its own sites (checked against the loaded record). */
  siteScoped: boolean;
  description: string;
}

/** Roles whose grants stop at the sites on their record. */
export const SITE_BOUND_ROLES: readonly Role[] = ["supervisor"];

export const PERMISSIONS = {
  "me.read": { roles: ["planner", "supervisor", "admin", "agent"], siteScoped: false, description: "Read one's own identity, role and sites" },

  "shifts.read": { roles: ["planner", "admin"], siteScoped: false, description: "Open the shifts page, list agents' shifts" },
  "shifts.import": { roles: ["planner", "admin"], siteScoped: false, description: "Validate and import shift CSVs (and push them to CXone)" },
  "schedule.read": { roles: ["planner", "supervisor", "admin"], siteScoped: true, description: "Open the schedule grid (supervisors: their own sites, read-only)" },
  "schedule.edit": { roles: ["planner", "admin"], siteScoped: false, description: "Create, change and delete shifts on the schedule" },
  "schedule.publish": { roles: ["planner", "admin"], siteScoped: false, description: "Publish draft shifts (preview, then one transaction)" },
  "imports.undo": { roles: ["planner", "admin"], siteScoped: false, description: "Undo a shift import (remove its shifts, restore what it replaced)" },
  "imports.read": { roles: ["planner", "admin"], siteScoped: false, description: "Download an import's error report" },
  "demand.import": { roles: ["planner", "admin"], siteScoped: false, description: "Upload a forecast or required agents" },

  "coverage.read": { roles: ["planner", "supervisor", "admin"], siteScoped: false, description: "Coverage against demand, and the gaps" },
  "reference.read": { roles: ["planner", "supervisor", "admin"], siteScoped: true, description: "List sites, skills and agents (a supervisor: their sites' agents)" },
  "staffing.calculate": { roles: ["planner", "supervisor", "admin"], siteScoped: false, description: "Run the Erlang C calculator on given volumes" },

  "optimization.read": { roles: ["planner", "admin"], siteScoped: false, description: "Open the optimization page, follow a run" },
  "optimization.launch": { roles: ["planner", "admin"], siteScoped: false, description: "Launch an optimization run" },
  "optimization.accept": { roles: ["planner", "admin"], siteScoped: false, description: "Accept an optimization's proposals as draft shifts" },
  "optimization.shiftTypes.write": { roles: ["planner", "admin"], siteScoped: false, description: "Save a site's shift types for the capacity plan (audited)" },

  "trades.read": { roles: ["planner", "supervisor", "admin"], siteScoped: true, description: "Open the trades page and the trade history" },
  "trades.request": { roles: ["planner", "admin"], siteScoped: false, description: "Enter a trade on an agent's behalf" },
  "trades.bulk": { roles: ["planner", "admin"], siteScoped: false, description: "File many trades from one CSV" },
  "trades.queue.read": { roles: ["supervisor", "admin"], siteScoped: true, description: "See the trades waiting for review, and the rate alerts" },
  "trades.decide": { roles: ["supervisor", "admin"], siteScoped: true, description: "Approve or reject a pending trade for a site" },

  "bidding.read": { roles: ["planner", "supervisor", "admin"], siteScoped: true, description: "Open the bidding page: scopes, lines, bids and awards (a supervisor: of their sites only)" },
  "bidding.scopes.write": { roles: ["admin"], siteScoped: false, description: "Create, edit, copy and archive bid scopes; open their windows" },
  "bidding.lines.write": { roles: ["planner", "admin"], siteScoped: false, description: "Create biddable lines by form or CSV" },
  "bidding.bids.enter": { roles: ["planner", "admin"], siteScoped: false, description: "Enter or import bids on an agent's behalf" },
  "bidding.award.run": { roles: ["planner", "admin"], siteScoped: false, description: "Run the award job for a bid period" },
  "bidding.award.adjust": { roles: ["admin"], siteScoped: false, description: "Change an award by hand (audited)" },
  "bidding.award.publish": { roles: ["planner", "admin"], siteScoped: false, description: "Publish awards as draft shifts and export them for CXone" },
  "bidding.bid": { roles: ["agent"], siteScoped: false, description: "Rank, save, submit and lock one's own bid" },

  "schedule.own.read": { roles: ["agent"], siteScoped: false, description: "Open one's own schedule, bids and awards" },
  "trades.request.own": { roles: ["agent"], siteScoped: false, description: "File and cancel one's own trade requests" },

  "settings.read": { roles: ["admin"], siteScoped: false, description: "Open the settings page" },
  "users.unlock": { roles: ["admin"], siteScoped: false, description: "Lift a sign-in lockout (audited)" },
  "settings.trading.write": { roles: ["admin"], siteScoped: false, description: "Change the trading policies (org default or a site's override)" },
  "settings.staffing.write": { roles: ["admin"], siteScoped: false, description: "Change the per-skill staffing targets" },
  "settings.gaps.write": { roles: ["admin"], siteScoped: false, description: "Change the gap thresholds" },
  "cxone.connection.write": { roles: ["admin"], siteScoped: false, description: "Save the CXone OAuth client credentials" },
  "cxone.connection.test": { roles: ["admin"], siteScoped: false, description: "Test the CXone connection with light reads" },
  "api.tokens.manage": { roles: ["admin"], siteScoped: false, description: "Create, list and revoke API service tokens (audited)" },
  "webhooks.manage": { roles: ["admin"], siteScoped: false, description: "Register, disable, delete and test webhook endpoints; read and redeliver their deliveries (audited)" },
  "cxone.reference.sync": { roles: ["planner", "admin"], siteScoped: false, description: "Preview and apply CXone's agents and skills to our reference data (audited)" },
  "cxone.schedule.compare": { roles: ["planner", "admin"], siteScoped: false, description: "Compare CXone's exported schedule with ours (reads only)" },
} as const satisfies Record<string, Permission>;

export type Capability = keyof typeof PERMISSIONS;

export const CAPABILITIES = Object.keys(PERMISSIONS) as Capability[];

export function rolesFor(capability: Capability): readonly Role[] {
  return PERMISSIONS[capability].roles;
}

/** capabilitiesOf("supervisor") → ["me.read", "coverage.read", "trades.read", …, "bidding.read"] */
export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((c) => rolesFor(c).includes(role));
}
