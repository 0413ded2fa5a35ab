import { apiRoute, readBodyBytes } from "@/lib/api/route";
import { readCsvUpload } from "@/lib/api/csv-upload";
import { importDemand } from "@/lib/api/openapi/imports";
import { MAX_IMPORT_BYTES } from "@/lib/csv";
import { importDemandFile } from "@/lib/services/imports/demand";

/** Upload demand: a forecast (contacts, AHT) or required agents per skill and interval; the body is the file. */
export const POST = apiRoute(importDemand.route, async ({ request, db, user, input, requestId }) => {
  const body = await readBodyBytes(request, MAX_IMPORT_BYTES, (n) => `The file is ${(n / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`);
  // Read in a worker thread with a time budget and a heap ceiling (lib/api/csv-upload.ts).
  const upload = await readCsvUpload(body);
  return importDemandFile(db, { fileName: input.fileName, text: upload.csv, fileHash: upload.hash, bytes: upload.bytes, dryRun: input.dryRun, actor: { id: user.id, label: user.email }, requestId });
});
