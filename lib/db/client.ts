import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { env } from "../env";
import { logger } from "../logger";
import { PgliteThread } from "./pglite-thread";
import * as schema from "./schema";

/**
 * The database: PGlite in a folder under the project by default, a Postgres server
 * when DATABASE_URL is set. Both speak the same schema and migrations. Queries take
 * a `Db` as their first argument, so tests pass their own.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/db/migrations");

export interface OpenedDb {
  db: Db;
  driver: "pglite" | "postgres";
  /** The node-postgres pool behind a Postgres database (for libraries that take one). */
  pool?: Pool;
  close: () => Promise<void>;
}

export interface PgliteOptions {
  /**
   * Run PGlite on a thread of its own (lib/db/pglite-thread.ts), as the dashboard server
   * does, so its statements do not hold up the thread that answers requests (the
   * integration tests' embedded driver too). Scripts open it in process.
   */
  thread?: boolean;
  /** With `thread`: told when the thread dies (every later statement fails). */
  onStopped?: (reason: Error) => void;
}

/** Opens an in-memory PGlite (tests) or a folder-backed one, and migrates it. */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<OpenedDb> {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireFolderLock(dataDir);
  }
  let client: PGlite | PgliteThread | undefined;
  try {
    // The thread speaks the two calls Drizzle's PGlite driver makes (query, transaction).
    client = options.thread ? await PgliteThread.start(dataDir, { onStopped: options.onStopped }) : new PGlite(dataDir);
    const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    return {
      db,
      driver: "pglite",
      close: async () => {
        await opened.close();
        release();
      },
    };
  } catch (e) {
    // Closed before the folder is released: a retry must not find the folder still open here.
    await client?.close().catch(() => undefined);
    release();
    throw e;
  }
}

/** Opens a Postgres server by URL and migrates it. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<OpenedDb> {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client's connection can drop (a server restart, a terminated backend); without
  // a listener node-postgres turns that into an uncaught exception that ends the process.
  pool.on("error", (err) => logger.warn({ err }, "an idle Postgres connection failed; the pool will reconnect"));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, driver: "postgres", pool, close: () => pool.end() };
}

/** The embedded database folder is held by another live process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${ownerPid}. ` +
        "Stop that server first (or give this one its own PGLITE_DATA_DIR), or set DATABASE_URL to share a Postgres server.",
    );
    this.name = "DatabaseInUseError";
  }
}

/**
 * PGlite is single-process: two processes opening one folder corrupt it. The lock file
 * is created with O_EXCL (`wx`), so of two starting processes exactly one gets it; the
 * other reads the owner's pid and refuses. A lock whose process is gone is stale: it is
 * removed (only if it still names that same dead process) and the exclusive create is
 * tried again.
 */
export function acquireFolderLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "shiftboard.lock");
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw e;
    }
    const owner = readOwner(lockPath);
    if (owner === process.pid) break;
    if (owner !== null && processAlive(owner)) throw new DatabaseInUseError(dataDir, owner);
    // Stale (or half-written by a process that died): remove it if it has not changed meanwhile.
    if (readOwner(lockPath) === owner) fs.rmSync(lockPath, { force: true });
  }
  const release = () => {
    if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// One opener per process: Next's dev server reloads modules, so the handle lives on globalThis.
const globalForDb = globalThis as unknown as { __shiftboardDb?: Promise<OpenedDb> };

/** The application's database, opened (and migrated) on first use. */
export function getDb(): Promise<Db> {
  return getOpenedDb().then((o) => o.db);
}

export function getOpenedDb(): Promise<OpenedDb> {
  if (!globalForDb.__shiftboardDb) {
    const { DATABASE_URL, PGLITE_DATA_DIR } = env();
    globalForDb.__shiftboardDb = DATABASE_URL
      ? openPostgres(DATABASE_URL)
      : openPglite(path.resolve(/*turbopackIgnore: true*/ process.cwd(), PGLITE_DATA_DIR), { thread: true, onStopped: stopServer });
    globalForDb.__shiftboardDb.catch(() => {
      globalForDb.__shiftboardDb = undefined;
    });
  }
  return globalForDb.__shiftboardDb;
}

/** The embedded database's thread died: nothing can be answered, so the server stops with the reason (as at start-up). */
function stopServer(reason: Error): void {
  logger.fatal({ err: reason }, "the embedded database stopped; the server stops");
  console.error(`\nShiftboard stops: ${reason.message}\n`);
  process.exit(1);
}
