import { apiRoute } from "@/lib/api/route";
import { importErrorReport, importIdParam } from "@/lib/api/openapi/imports";
import { errorReportCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { getImportErrorReport } from "@/lib/services/imports/error-report";

/** The error report of an import as CSV, safe to open in a spreadsheet (formulas neutralised). */
export const GET = apiRoute(importErrorReport.route, async ({ db, params }) => {
  const id = importIdParam.safeParse(params.id);
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
