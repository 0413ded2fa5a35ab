import type { Metadata } from "next";
import { can } from "@/lib/auth/checks";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getShiftsOverview } from "@/lib/services/imports/overview";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { ShiftUpload } from "@/components/shifts/shift-upload";
import { UndoImportButton } from "@/components/shifts/undo-import-button";
import { CxoneShiftsSection } from "@/components/shifts/cxone-shifts-section";
import { getCxonePanel } from "@/lib/services/cxone/panel";

export const metadata: Metadata = { title: "Shifts" };

const STATUS_TONE = { committed: "good", validated: "info", rejected: "bad", failed: "bad" } as const;

export default async function ShiftsPage() {
  const user = await requirePageUser("/shifts");
  const mayUndo = can(user, "imports.undo");
  const db = await getDb();
  const { summary, history, savedMappings: mappings, directory } = await getShiftsOverview(db, new Date());
  const cxone = await getCxonePanel(db);
  return (
    <>
      <PageHeader title="Shifts" description="Upload shift CSVs — ours or CXone's own template — validate them against the schedule, and import them in one step." />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <ShiftUpload savedMappings={mappings} directory={directory} />
        <Card>
          <CardHeader title="Schedule from today" description="Stored shifts by site and status." />
          <CardBody>
            {summary.length === 0 ? (
              <p className="text-sm text-slate-500">No upcoming shifts yet: upload a file to start the schedule.</p>
            ) : (
              <table className="w-full text-sm" aria-label="Schedule summary">
                <thead className="text-left text-slate-500">
                  <tr>
                    <th className="py-1 font-medium">Site</th>
                    <th className="py-1 font-medium">Status</th>
                    <th className="py-1 text-right font-medium">Shifts</th>
                    <th className="py-1 text-right font-medium">Hours</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.map((s) => (
                    <tr key={`${s.siteId}-${s.status}`} className="border-t border-slate-100">
                      <td className="py-1.5 font-medium">{s.siteId}</td>
                      <td className="py-1.5">{s.status}</td>
                      <td className="py-1.5 text-right tabular-nums">{s.count.toLocaleString()}</td>
                      <td className="py-1.5 text-right tabular-nums">{Math.round(s.hours).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardBody>
        </Card>
      </div>
      <CxoneShiftsSection offer={cxone.offer} sites={cxone.sites} />
      <Card className="mt-6">
        <CardHeader title="Import history" description="Every validation and import, who ran it and what it did." />
        <CardBody>
          {history.length === 0 ? (
            <p className="text-sm text-slate-500">No imports yet. Your first upload will be listed here with its counts and error report.</p>
          ) : (
              <DataTable label="Import history" columns={["When", "Who", "File", "Format", "Status", "Rows", "Imported", "With errors", "Replaced", "CXone", "", ""]}>
                  {history.map((h) => (
                    <tr key={h.id} className="border-t border-slate-100">
                      <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">{h.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                      <td className="px-2 py-1.5">{h.userEmail ?? "—"}</td>
                      <td className="max-w-56 truncate px-2 py-1.5" title={h.fileName}>
                        {h.fileName}
                      </td>
                      <td className="px-2 py-1.5">{h.format}</td>
                      <td className="px-2 py-1.5">
                        <Badge tone={STATUS_TONE[h.status]}>{h.dryRun ? "validated (dry run)" : h.status}</Badge>
                      </td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{h.totalRows.toLocaleString()}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{h.importedRows.toLocaleString()}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{h.failedRows.toLocaleString()}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{h.replacedRows.toLocaleString()}</td>
                      <td className="px-2 py-1.5 text-xs">
                        <CxoneCounts result={h.cxoneResult} />
                      </td>
                      <td className="px-2 py-1.5">
                        {h.failedRows > 0 ? (
                          <a className="text-brand-600 hover:underline" href={`/api/v1/imports/${h.id}/errors`}>
                            Error report
                          </a>
                        ) : null}
                      </td>
                      <td className="px-2 py-1.5">
                        {h.undoneAt ? (
                          <Badge tone="neutral" title={`Undone ${h.undoneAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}>
                            undone
                          </Badge>
                        ) : mayUndo && h.status === "committed" && !h.dryRun && h.importedRows > 0 ? (
                          <UndoImportButton importId={h.id} fileName={h.fileName} importedRows={h.importedRows} />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </DataTable>
          )}
        </CardBody>
      </Card>
    </>
  );
}

interface CxonePush {
  status?: string;
  message?: string;
  processedCount?: number;
  failedCount?: number;
  batches?: { batch: number; status: string; processedCount: number; failedCount: number }[];
}

/** CXone's processed/failed counts for an import pushed with the cxone backend, per batch on hover. */
function CxoneCounts({ result }: { result: Record<string, unknown> | null }) {
  if (!result) return <span className="text-slate-400">—</span>;
  const r = result as CxonePush;
  if (r.processedCount === undefined) return <Badge tone="bad">{r.message ?? r.status ?? "failed"}</Badge>;
  const batches = (r.batches ?? []).map((b) => `batch ${b.batch}: ${b.status}, ${b.processedCount} processed, ${b.failedCount} failed`).join("\n");
  return (
    <span title={batches}>
      <Badge tone={r.failedCount ? "warn" : "good"}>{r.status}</Badge> {r.processedCount} processed · {r.failedCount} failed · {r.batches?.length ?? 0} batch
      {(r.batches?.length ?? 0) === 1 ? "" : "es"}
    </span>
  );
}
