import "server-only";
import { getOpenedDb } from "./client";

/** For instrumentation.ts: the database opens at start-up or the server stops with the reason. */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    await getOpenedDb();
  } catch (e) {
    // The operator's console, never a page: the message may name the data folder.
    console.error(`\nShiftboard cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
