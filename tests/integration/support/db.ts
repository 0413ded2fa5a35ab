/**
 * Test databases: PGlite in memory always, and a fresh database on the Postgres server
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

/** A throwaway database on the server, dropped on close. */
export async function openScratchPostgres(url: string): Promise<OpenedDb> {
  const name = `shiftboard_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const opened = await openPostgres(target.toString(), { max: 6 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const TEST_DRIVERS: TestDriver[] = [
  { name: "pglite", open: () => openPglite() },
  ...(TEST_DATABASE_URL ? [{ name: "postgres" as const, open: () => openScratchPostgres(TEST_DATABASE_URL!) }] : []),
];
