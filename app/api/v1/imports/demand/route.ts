import { apiRoute, readBodyText } from "@/lib/api/route";
import { importDemand } from "@/lib/api/openapi/imports";
import { MAX_IMPORT_BYTES } from "@/lib/csv";
import { importDemandFile } from "@/lib/services/imports/demand";

/** Upload demand: a forecast (contacts, AHT) or required agents per skill and interval; the body is the file. */
export const POST = apiRoute(importDemand.route, async ({ request, db, user, input, requestId }) => {
  const { text, bytes } = await readBodyText(request, MAX_IMPORT_BYTES, (n) => `The file is ${(n / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`);
  return importDemandFile(db, { fileName: input.fileName, text, bytes, dryRun: input.dryRun, actor: { id: user.id, label: user.email }, requestId });
});
