"use client";

import { useMutation } from "@tanstack/react-query";
import type { DemandImportOutcome } from "@/lib/types/imports";
import { postCsv } from "../fetch-json";

/** Validates (dryRun) or stores a demand file: a forecast, or required agents per interval. */
export function useDemandImport() {
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      postCsv<DemandImportOutcome>(`/api/v1/imports/demand?${new URLSearchParams({ fileName: file.name, dryRun: String(dryRun) })}`, file),
  });
}
