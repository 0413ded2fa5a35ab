import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { errorReportCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { getImportErrorReport } from "@/lib/services/imports/error-report";

const idSchema = z.uuid({ error: "Not an import id." });

/** The error report of an import as CSV, safe to open in a spreadsheet (formulas neutralised). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/imports/[id]/errors"].GET }, async ({ db, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", id.error.issues[0].message);
  const report = await getImportErrorReport(db, id.data);
  const csv = errorReportCsv(report.errors, { bom: true });
  const base = report.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
});
