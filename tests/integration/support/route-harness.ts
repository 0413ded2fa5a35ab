/**
 * The start every route-handler test shares: the app's own database (an embedded one in a
 * temporary folder, or a scratch database on the test Postgres server when TEST_DATABASE_URL
 * is set: never the server's shared one, which other checkouts migrate), a signed-in user
 * whose row exists, and only the session replaced (next-auth needs a live request).
 *
 * Import it before any module that reads the session (route handlers are imported inside the
 * tests), then call `setUpRouteTests` at the top of the file:
 *   const { session } = setUpRouteTests({ folderPrefix: "shiftboard-routes-", user: planner });
 *   session.user = null; // the next request is anonymous
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createScratchDatabase } from "./db";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

/** The arguments handlers receive beside the request (no dynamic route segments). */
export const routeCtx = { params: Promise.resolve({}) };

export function setUpRouteTests(options: { folderPrefix: string; user: CurrentUser }): { session: { user: CurrentUser | null } } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), options.folderPrefix));
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

  beforeAll(async () => {
    process.env.PGLITE_DATA_DIR = dataDir;
    if (process.env.TEST_DATABASE_URL) {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
      process.env.DATABASE_URL = scratch.url;
    }
    session.user = options.user;
    const { getDb } = await import("@/lib/db/client");
    const { users } = await import("@/lib/db/schema");
    // The user's row: uploads and audit entries name it. The email only has to be unique.
    await (await getDb())
      .insert(users)
      .values({ id: options.user.id, email: `${options.user.role}-${Date.now()}@test`, name: options.user.name, role: options.user.role, passwordHash: "x" })
      .onConflictDoNothing();
  });

  afterAll(async () => {
    const { getOpenedDb } = await import("@/lib/db/client");
    await (await getOpenedDb()).close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  });

  return { session };
}
