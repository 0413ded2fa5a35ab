import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { errorReportCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { getImport, getImportErrors } from "@/lib/services/imports";

const idSchema = z.uuid({ error: "Not an import id." });

/** The error report of an import as CSV, safe to open in a spreadsheet (formulas neutralised). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/imports/[id]/errors"].GET }, async ({ db, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", id.error.issues[0].message);
  const record = await getImport(db, id.data);
  const csv = errorReportCsv(await getImportErrors(db, record.id), { bom: true });
  const base = record.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
});
