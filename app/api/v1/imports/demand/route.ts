import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { apiRoute, readBodyText } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { MAX_IMPORT_BYTES } from "@/lib/csv";
import { importDemandFile } from "@/lib/services/imports/demand";

const querySchema = z.object({
  fileName: safeText().min(1, { error: "Name the file." }).max(255),
  dryRun: z.enum(["true", "false"], { error: "Use true or false." }).default("false").transform((v) => v === "true"),
});

/** Upload demand: a forecast (contacts, AHT) or required agents per skill and interval; the body is the file. */
export const POST = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/imports/demand"].POST, input: querySchema, inputFrom: "query" }, async ({ request, db, user, input, requestId }) => {
  const { text, bytes } = await readBodyText(request, MAX_IMPORT_BYTES, (n) => `The file is ${(n / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`);
  return importDemandFile(db, { fileName: input.fileName, text, bytes, dryRun: input.dryRun, actor: { id: user.id, label: user.email }, requestId });
});
