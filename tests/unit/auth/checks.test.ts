import { describe, expect, it } from "vitest";
import { assertCan, can, siteScopeOf, type CurrentUser } from "@/lib/auth/checks";
import { capabilitiesOf, CAPABILITIES, PERMISSIONS } from "@/lib/auth/permissions";
import { mayOpen, NAV_ITEMS, navFor, ROLES, type Role } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";

const user = (role: Role, siteIds: string[] = []): CurrentUser => ({ id: "u1", email: `${role}@test`, name: role, role, siteIds });
const nycSupervisor = user("supervisor", ["NYC"]);
const admin = user("admin");
const planner = user("planner");

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : "not an AppError";
  }
}

describe("can / assertCan read the permissions map", () => {
  it("grants exactly the roles the map lists, for every capability", () => {
    for (const capability of CAPABILITIES) {
      for (const role of ROLES) {
        const listed = (PERMISSIONS[capability].roles as readonly Role[]).includes(role);
        expect(can(user(role, ["NYC"]), capability), `${capability} as ${role}`).toBe(listed);
        expect(codeOf(() => assertCan(user(role, ["NYC"]), capability)), `${capability} as ${role}`).toBe(listed ? null : "FORBIDDEN");
      }
    }
  });

  it("refuses nobody signed in as UNAUTHENTICATED, before anything else", () => {
    expect(can(null, "me.read")).toBe(false);
    expect(codeOf(() => assertCan(null, "trades.decide", "NYC"))).toBe("UNAUTHENTICATED");
  });

  it("a NYC supervisor decides trades for NYC but not for LDN; an admin decides for every site", () => {
    expect(can(nycSupervisor, "trades.decide", "NYC")).toBe(true);
    expect(can(nycSupervisor, "trades.decide", "LDN")).toBe(false);
    expect(codeOf(() => assertCan(nycSupervisor, "trades.decide", "LDN"))).toBe("SITE_FORBIDDEN");
    expect(can(admin, "trades.decide", "LDN")).toBe(true);
  });

  it("CXone: planners and admins sync agents and skills and compare the schedule; only admins set up and test the connection", () => {
    for (const c of ["cxone.reference.sync", "cxone.schedule.compare"] as const) expect(PERMISSIONS[c].roles).toEqual(["planner", "admin"]);
    for (const c of ["cxone.connection.write", "cxone.connection.test"] as const) expect(PERMISSIONS[c].roles).toEqual(["admin"]);
  });

  it("a role without the capability is FORBIDDEN even on a site it would reach", () => {
    expect(codeOf(() => assertCan(planner, "trades.decide", "NYC"))).toBe("FORBIDDEN");
  });

  it("a capability that is not site-scoped reaches every site, even for a supervisor", () => {
    expect(PERMISSIONS["coverage.read"].siteScoped).toBe(false);
    expect(can(nycSupervisor, "coverage.read", "LDN")).toBe(true);
  });

  it("site scope: the supervisor's sites for site-scoped capabilities, null (every site) otherwise", () => {
    expect(siteScopeOf(nycSupervisor, "trades.queue.read")).toEqual(["NYC"]);
    expect(siteScopeOf(user("supervisor"), "trades.read")).toEqual([]);
    expect(siteScopeOf(admin, "trades.queue.read")).toBeNull();
    expect(siteScopeOf(nycSupervisor, "coverage.read")).toBeNull();
  });
});

describe("navigation reads the same map", () => {
  it("shows each role the pages its capabilities open, in menu order", () => {
    expect(navFor("planner").map((i) => i.href)).toEqual(["/shifts", "/coverage", "/schedule", "/optimization", "/trades", "/bidding"]);
    expect(navFor("supervisor").map((i) => i.href)).toEqual(["/coverage", "/schedule", "/trades", "/bidding"]);
    expect(navFor("agent").map((i) => i.href)).toEqual(["/me"]);
    expect(navFor("admin").map((i) => i.href)).toEqual(["/shifts", "/coverage", "/schedule", "/optimization", "/trades", "/bidding", "/settings"]);
  });

  it("a page and its sub-paths open exactly for the holders of the page's capability", () => {
    for (const item of NAV_ITEMS) {
      for (const role of ROLES) {
        const expected = capabilitiesOf(role).includes(item.capability);
        expect(mayOpen(role, item.href), `${item.href} as ${role}`).toBe(expected);
        expect(mayOpen(role, `${item.href}/x`), `${item.href}/x as ${role}`).toBe(expected);
      }
    }
    expect(mayOpen("supervisor", "/settings")).toBe(false);
  });

  it("capabilitiesOf lists a supervisor's grants", () => {
    expect(capabilitiesOf("supervisor")).toEqual(["me.read", "schedule.read", "coverage.read", "reference.read", "staffing.calculate", "trades.read", "trades.queue.read", "trades.decide", "bidding.read"]);
    expect(capabilitiesOf("agent")).toEqual(["me.read", "bidding.bid", "schedule.own.read", "trades.request.own"]);
  });
});
