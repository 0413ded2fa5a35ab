import { apiRoute, readBodyBytes } from "@/lib/api/route";
import { readCsvUpload } from "@/lib/api/csv-upload";
import { bulkTrades } from "@/lib/api/openapi/trades";
import { bulkToWire } from "@/lib/api/wire";
import { requestTradesFromCsv } from "@/lib/services/trades/bulk";

const LIMIT = 2 * 1024 * 1024;

/** Many trade requests at once: the body is a CSV (kind, initiatorAgentId, initiatorShiftStart, receiverAgentId, receiverShiftStart, note). */
export const POST = apiRoute(bulkTrades.route, async ({ request, db, user, requestId }) => {
  const body = await readBodyBytes(request, LIMIT, (n) => `The file is ${(n / 1048576).toFixed(1)} MB; trade files are limited to 2 MB.`);
  // Read in a worker thread with a time budget and a heap ceiling (lib/api/csv-upload.ts).
  const { csv } = await readCsvUpload(body);
  return bulkToWire(await requestTradesFromCsv(db, csv, { id: user.id, label: user.email }, Date.now(), requestId));
});
