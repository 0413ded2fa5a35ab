/**
 * Test databases: PGlite in memory always (on its own thread, as the dashboard server opens
 * it: lib/db/pglite-thread.ts), and a fresh database on the Postgres server
 * named by TEST_DATABASE_URL when it is set, so every integration test runs on both drivers.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openPglite, openPostgres, type OpenedDb } from "@/lib/db/client";

export interface TestDriver {
  name: "pglite" | "postgres";
  open: () => Promise<OpenedDb>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/**
 * A throwaway database on the server named by `url`: its own URL and how to drop it. Tests that
 * go through the app's own database module (DATABASE_URL) use it too: the server's shared
 * database holds whatever migrations other checkouts ran, so it is never migrated reliably.
 */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `shiftboard_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A throwaway database on the server, dropped on close. */
export async function openScratchPostgres(url: string): Promise<OpenedDb> {
  const scratch = await createScratchDatabase(url);
  const opened = await openPostgres(scratch.url, { max: 6 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await scratch.drop();
    },
  };
}

export const TEST_DRIVERS: TestDriver[] = [
  { name: "pglite", open: () => openPglite(undefined, { thread: true }) },
  ...(TEST_DATABASE_URL ? [{ name: "postgres" as const, open: () => openScratchPostgres(TEST_DATABASE_URL!) }] : []),
];
