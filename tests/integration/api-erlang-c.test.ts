/**
 * POST /api/v1/staffing/erlang-c against DOMAIN.md's reference cases, through the real
 * handler with a bearer token, and against the engine the demand import uses.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OpenedDb } from "@/lib/db/client";
import { DEFAULT_STAFFING, requiredStaff } from "@/lib/domain/erlang";
import { TEST_DRIVERS } from "./support/db";
import { call, mint, routeHandlersUse } from "./support/api";

// Without a token the session is read; next-auth needs a live request, so nobody is signed in here.
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async (): Promise<CurrentUser | null> => null,
}));

for (const driver of TEST_DRIVERS) {
  describe(`POST /api/v1/staffing/erlang-c (${driver.name})`, () => {
    let opened: OpenedDb;
    let token: string;
    beforeAll(async () => {
      opened = await driver.open();
      routeHandlersUse(opened);
      token = await mint(opened.db, "planner");
    });
    afterAll(async () => opened?.close());

    const post = async (body: unknown) => {
      const { POST } = await import("@/app/api/v1/staffing/erlang-c/route");
      return call(POST, "/api/v1/staffing/erlang-c", { token, body });
    };

    it("staffs the reference case: 100 contacts in 30 min, AHT 180 s, 80 % in 20 s, 85 %, 30 % → 14 on the phones, 20 scheduled", async () => {
      const res = await post({ intervalMinutes: 30, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3, intervals: [{ start: "2026-11-23T14:00:00Z", contacts: 100, ahtSeconds: 180 }] });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.intervals[0]).toMatchObject({ start: "2026-11-23T14:00:00Z", trafficErlangs: 10, agents: 14, scheduled: 20, reachable: true });
      expect(body.intervals[0].serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(body.intervals[0].serviceLevel).toBeCloseTo(0.8884, 3);
      expect(body.intervals[0].asaSeconds).toBeCloseTo(7.84, 2);
      expect(body.intervals[0].occupancy).toBeCloseTo(10 / 14, 3);
      expect(body.peak).toEqual({ agents: 14, scheduled: 20 });
    });

    it("uses the house defaults for max occupancy and shrinkage when they are left out", async () => {
      const body = await (await post({ intervalMinutes: 30, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, intervals: [{ contacts: 100, ahtSeconds: 180 }] })).json();
      expect(body.settings).toMatchObject({ maxOccupancy: DEFAULT_STAFFING.maxOccupancy, shrinkage: DEFAULT_STAFFING.shrinkage });
      expect(body.intervals[0]).toMatchObject({ agents: 14, scheduled: 20 });
    });

    it("lets max occupancy bind when service level is easy: 8.5 Erlangs at 85 % → exactly 10", async () => {
      const body = await (await post({ intervalMinutes: 15, serviceLevelTarget: 0.5, serviceLevelSeconds: 60, maxOccupancy: 0.85, intervals: [{ contacts: 85, ahtSeconds: 90 }] })).json();
      expect(body.intervals[0].trafficErlangs).toBeCloseTo(8.5, 6);
      expect(body.intervals[0].agents).toBe(10);
    });

    it("answers like the demand import's engine for every interval of a day, including empty nights", async () => {
      const intervals = Array.from({ length: 96 }, (_, i) => ({ contacts: i < 28 ? 0 : Math.round(20 + 60 * Math.sin((i / 96) * Math.PI)), ahtSeconds: i < 28 ? 0 : 240 + (i % 7) * 10 }));
      const body = await (await post({ intervalMinutes: 15, serviceLevelTarget: 0.9, serviceLevelSeconds: 30, intervals })).json();
      intervals.forEach((x, i) => {
        const r = requiredStaff(x.contacts, x.ahtSeconds, 900, { ...DEFAULT_STAFFING, serviceLevelTarget: 0.9, serviceLevelSeconds: 30 });
        expect(body.intervals[i]).toMatchObject({ agents: r.agents, scheduled: r.scheduled, reachable: r.flag === null });
      });
      expect(body.intervals[0]).toMatchObject({ agents: 0, scheduled: 0, asaSeconds: 0, serviceLevel: 1 });
    });

    it("refuses a 100 % target, negative contacts and an empty list, naming the field", async () => {
      const base = { intervalMinutes: 15, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, intervals: [{ contacts: 10, ahtSeconds: 180 }] };
      const cases: [unknown, string][] = [
        [{ ...base, serviceLevelTarget: 1 }, "serviceLevelTarget"],
        [{ ...base, intervals: [{ contacts: -1, ahtSeconds: 180 }] }, "intervals.0.contacts"],
        [{ ...base, intervals: [] }, "intervals"],
      ];
      for (const [body, field] of cases) {
        const res = await post(body);
        expect(res.status, field).toBe(400);
        expect((await res.json()).errors.map((e: { field: string }) => e.field), field).toContain(field);
      }
    });

    it("refuses an anonymous caller with 401", async () => {
      const { POST } = await import("@/app/api/v1/staffing/erlang-c/route");
      const res = await call(POST, "/api/v1/staffing/erlang-c", { body: {}, headers: { origin: "http://127.0.0.1:3400" } });
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe("UNAUTHENTICATED");
    });
  });
}
