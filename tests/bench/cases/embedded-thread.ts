/**
 * The embedded database on its own thread (lib/db/pglite-thread.ts), as the dashboard server
 * opens it, beside PGlite in process: a 20,000-row shift import into each, and how long a
 * trivial HTTP request on this process waits meanwhile (probed from another thread every
 * 25 ms). In process, PGlite's statements run on the thread that answers requests; on its
 * own thread they do not. The import's own time shows what the thread costs.
 */
import { sql } from "drizzle-orm";
import { openPglite, type OpenedDb } from "../../../lib/db/client";
import { shifts as shiftsTable } from "../../../lib/db/schema";
import { readCsvUpload } from "../../../lib/api/csv-upload";
import { importShiftFile } from "../../../lib/services/imports/shifts";
import { seedDemo } from "../../../lib/services/seed/demo";
import type { BenchCase } from "../harness";
import { probeResponsiveness } from "../responsiveness";
import { demoCsv, WEEK } from "./services";

const ROWS = 20_000;

function importing(db: OpenedDb["db"], csv: string) {
  return async () => {
    const upload = await readCsvUpload(new TextEncoder().encode(csv));
    const r = await importShiftFile(db, {
      fileName: "bench.csv",
      text: upload.csv,
      fileHash: upload.hash,
      bytes: upload.bytes,
      options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false },
      actor: { id: null, label: "bench" },
    });
    if (r.importedRows !== ROWS) throw new Error(`imported ${r.importedRows} of ${ROWS}: ${r.errors[0]?.message ?? r.status}`);
  };
}

function threadCase(): BenchCase {
  let threaded: OpenedDb;
  let inProcess: OpenedDb;
  let csv = "";
  const waits: Record<string, number | string> = {};
  /** Runs one side's import under the responsiveness probe; the last run's figures are kept. */
  const probed = (side: string, work: () => Promise<void>) => async () => {
    const r = await probeResponsiveness(work);
    waits[`${side}RequestP95Ms`] = r.p95;
    waits[`${side}RequestMaxMs`] = r.max;
  };
  return {
    name: `import ${ROWS.toLocaleString("en")} rows into the embedded database on its own thread`,
    baselineName: "PGlite in process",
    iterations: 3,
    // Why the thread: other requests keep being answered while an import runs.
    goal: "requests answered in < 100 ms (p95) during the import",
    goalMet: (_s, _b, extra) => typeof extra?.threadRequestP95Ms === "number" && extra.threadRequestP95Ms < 100,
    async setup() {
      threaded = await openPglite(undefined, { thread: true });
      inProcess = await openPglite();
      const demo = await seedDemo(threaded.db, { weekStart: WEEK });
      await seedDemo(inProcess.db, { weekStart: WEEK });
      csv = demoCsv(demo, ROWS);
    },
    async beforeEach() {
      for (const o of [threaded, inProcess]) await o.db.delete(shiftsTable).where(sql`${shiftsTable.importId} is not null`);
    },
    subject: probed("thread", () => importing(threaded.db, csv)()),
    baseline: probed("inProcess", () => importing(inProcess.db, csv)()),
    extra: () => waits,
    async teardown() {
      await threaded?.close();
      await inProcess?.close();
    },
  };
}

export const cases: BenchCase[] = [threadCase()];
