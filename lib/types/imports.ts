/** What the import use cases answer, as the upload components receive it. */
import type { ColumnMapping, RowError } from "../schemas/imports";

export type ShiftImportStatus = "validated" | "committed" | "rejected";

/** CXone's answer to a push of committed shifts (cxone backend), kept on the import. */
export type CxonePushSummary =
  | {
      status: string;
      processedCount: number;
      failedCount: number;
      batches: { batch: number; status: string; processedCount: number; failedCount: number; jobId: string | null }[];
      errors: { row: number | null; field: string | null; code: string; message: string }[];
    }
  | { status: "FAILED"; message: string };

export interface ShiftImportOutcome {
  importId: string | null;
  status: ShiftImportStatus | "needsMapping";
  format: string | null;
  totalRows: number;
  validRows: number;
  importedRows: number;
  unchangedRows: number;
  skippedRows: number;
  replacedRows: number;
  errors: RowError[];
  warnings: RowError[];
  /** When the file's headers are not recognised: pick a column for each field. */
  mappingNeeded?: { headers: string[]; headerKey: string; suggested: Partial<ColumnMapping> };
  /** With the cxone backend, what CXone made of the committed shifts; null when nothing was pushed. */
  cxone: CxonePushSummary | null;
}

export interface DemandImportOutcome {
  importId: string;
  status: "validated" | "committed" | "rejected";
  kind: "forecast" | "required";
  totalRows: number;
  storedRows: number;
  /** Intervals where the service level cannot be reached: stored at the search cap and listed. */
  unreachable: number;
  errors: RowError[];
  warnings: RowError[];
}

export interface ImportHistoryItem {
  id: string;
  createdAt: Date;
  fileName: string;
  format: string;
  status: "validated" | "committed" | "rejected" | "failed";
  dryRun: boolean;
  totalRows: number;
  importedRows: number;
  failedRows: number;
  replacedRows: number;
  cxoneResult: Record<string, unknown> | null;
  userEmail: string | null;
  /** When a planner undid the import (its shifts removed, what it replaced restored). */
  undoneAt: Date | null;
}

/**
 * What the browser's preview needs to show a shift where it is worked before the server
 * checks it: each site's zone, and each agent's home site and skills (a CXone template row
 * names only the agent's username; the site and skills come from the agent).
 */
export interface PreviewDirectory {
  sites: { id: string; timeZone: string }[];
  agents: { id: string; username: string | null; homeSiteId: string; skills: string[] }[];
}

/** One import as the API answers it (GET /api/v1/imports, /imports/{id}); instants ISO 8601 UTC. */
export interface ImportView {
  id: string;
  kind: "shifts" | "demand";
  fileName: string;
  fileBytes: number;
  format: string;
  status: "validated" | "committed" | "rejected" | "failed";
  dryRun: boolean;
  createdAt: string;
  createdBy: string | null;
  counts: { totalRows: number; importedRows: number; skippedRows: number; failedRows: number; replacedRows: number };
  undone: boolean;
  undoneAt: string | null;
  cxone: Record<string, unknown> | null;
}
