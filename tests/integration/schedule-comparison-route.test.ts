/**
 * The schedule comparison's NDJSON answer (POST /api/v1/cxone/schedule-comparison) through the
 * real handler and database: a failure before the stream starts is a problem answer as
 * anywhere else; one after it is an `{"type":"error","problem":{…}}` line with the same problem
 * (lib/api/README.md), which the browser's reader throws as the same ApiError.
 */
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { readNdjson } from "@/lib/client/ndjson";
import { routeCtx as ctx, setUpRouteTests } from "./support/route-harness";

const planner: CurrentUser = { id: "00000000-0000-4000-8000-000000000004", email: "planner@test", name: "Planner", role: "planner", siteIds: [] };
setUpRouteTests({ folderPrefix: "shiftboard-compare-", user: planner });

const ORIGIN = "http://127.0.0.1:3400";
const post = async (body: unknown) => {
  const { POST } = await import("@/app/api/v1/cxone/schedule-comparison/route");
  return POST(new Request(`${ORIGIN}/api/v1/cxone/schedule-comparison`, { method: "POST", headers: { origin: ORIGIN, "content-type": "application/json" }, body: JSON.stringify(body) }), ctx);
};

describe("the schedule comparison stream", () => {
  it("sends a failure after the stream started as an error line carrying the problem", async () => {
    // No CXone platform connection is saved: the comparison fails once it has started.
    const res = await post({ startDate: "2026-11-23", endDate: "2026-11-29" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const requestId = res.headers.get("x-request-id");
    const lines = (await res.clone().text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        type: "error",
        problem: {
          type: "urn:shiftboard:problem:validation",
          title: "Invalid request",
          status: 400,
          detail: expect.stringContaining("needs the NICE platform profile"),
          code: "VALIDATION",
          requestId: expect.any(String),
          errors: [],
        },
      },
    ]);
    expect(lines[0].problem.requestId).toBe(requestId);
    await expect(readNdjson(res.body!, () => {})).rejects.toMatchObject({ status: 400, code: "VALIDATION", message: expect.stringContaining("needs the NICE platform profile") });
  });

  it("answers a bad request before the stream starts with a problem, not a stream", async () => {
    const res = await post({ startDate: "2026-11-29", endDate: "2026-11-23" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "VALIDATION", detail: expect.stringContaining("To is before From") });
  });
});
