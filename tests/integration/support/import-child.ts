/**
 * One "dashboard instance" of tests/integration/worker-processes.test.ts: its own process and
 * its own pool on the Postgres database named by DATABASE_URL. It reads the shift file named
 * by IMPORT_FILE, says "ready", waits for "go" on stdin (so two instances import at the same
 * moment, however long each took to start), imports the file through the import service as
 * the dashboard's route does, and prints the outcome as one JSON line.
 */
import fs from "node:fs";
import { openPostgres } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { importShiftFile } from "@/lib/services/imports/shifts";

const url = process.env.DATABASE_URL!;
const file = process.env.IMPORT_FILE!;
const text = fs.readFileSync(file, "utf8");
const opened = await openPostgres(url, { max: 2 });
console.log("ready");
await new Promise<void>((resolve) => {
  process.stdin.on("data", (d) => String(d).includes("go") && resolve());
  process.stdin.resume();
});
try {
  const outcome = await importShiftFile(opened.db, {
    fileName: "same-file.csv",
    text,
    bytes: Buffer.byteLength(text),
    options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false },
    actor: { id: null, label: `instance-${process.pid}` },
  });
  console.log(JSON.stringify({ status: outcome.status, importedRows: outcome.importedRows, unchangedRows: outcome.unchangedRows }));
} catch (e) {
  console.log(JSON.stringify({ error: isAppError(e) ? e.code : String(e) }));
} finally {
  await opened.close();
  process.stdin.pause();
}
