import { apiRoute, readBodyText } from "@/lib/api/route";
import { bulkTrades } from "@/lib/api/openapi/trades";
import { requestTradesFromCsv } from "@/lib/services/trades/bulk";

const LIMIT = 2 * 1024 * 1024;

/** Many trade requests at once: the body is a CSV (kind, initiatorAgentId, initiatorShiftStart, receiverAgentId, receiverShiftStart, note). */
export const POST = apiRoute(bulkTrades.route, async ({ request, db, user, requestId }) => {
  const { text } = await readBodyText(request, LIMIT, (n) => `The file is ${(n / 1048576).toFixed(1)} MB; trade files are limited to 2 MB.`);
  return requestTradesFromCsv(db, text, { id: user.id, label: user.email }, Date.now(), requestId);
});
