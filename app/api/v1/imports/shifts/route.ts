import { apiRoute, readBodyBytes } from "@/lib/api/route";
import { readCsvUpload } from "@/lib/api/csv-upload";
import { importShifts } from "@/lib/api/openapi/imports";
import { MAX_IMPORT_BYTES } from "@/lib/csv";
import { importShiftFile } from "@/lib/services/imports/shifts";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Upload a shift CSV: the body is the file, the options are query parameters. Streams the
 * body (server actions stop at 1 MB) and refuses a file over the limit before reading it all;
 * the file is read in a worker thread with a time budget and a heap ceiling (csv-upload.ts).
 * The import service commits the file and, with the cxone backend, pushes it on.
 */
export const POST = apiRoute(
  importShifts.route,
  async ({ request, db, user, input, requestId }) => {
    const body = await readBodyBytes(
      request,
      MAX_IMPORT_BYTES,
      (n) => `The file is ${mb(n)}; the limit is ${mb(MAX_IMPORT_BYTES)}. Split it by week or by site and upload the parts.`,
    );
    const upload = await readCsvUpload(body);
    return importShiftFile(db, {
      fileName: input.fileName,
      text: upload.csv,
      fileHash: upload.hash,
      bytes: upload.bytes,
      options: { dryRun: input.dryRun, overwriteConflicts: input.overwriteConflicts, onlyValidRows: input.onlyValidRows, mapping: input.mapping },
      actor: { id: user.id, label: user.email },
      requestId,
    });
  },
);
