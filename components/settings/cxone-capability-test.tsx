"use client";

import { useState } from "react";
import { testCxoneCapabilitiesAction } from "@/lib/actions/cxone/test-cxone-capabilities";
import { actionErrorText } from "@/lib/client/fetch-json";
import type { CapabilityCheckState, CxoneCapabilityReport } from "@/lib/types/cxone";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const STATE: Record<CapabilityCheckState, { tone: "good" | "bad" | "warn" | "neutral"; text: string }> = {
  ok: { tone: "good", text: "works" },
  missing_permission: { tone: "bad", text: "missing permission" },
  not_offered: { tone: "neutral", text: "not offered" },
  failed: { tone: "bad", text: "failed" },
  not_checked: { tone: "warn", text: "not checked" },
};

/** "Test connection": one row per capability of the stored connection, for either profile. */
export function CxoneCapabilityTest({ initial, canTest }: { initial: CxoneCapabilityReport | null; canTest: boolean }) {
  const [report, setReport] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await testCxoneCapabilitiesAction({});
    setBusy(false);
    const e = actionErrorText(result);
    if (e) return setError(e);
    setReport(result!.data as CxoneCapabilityReport);
  }

  return (
    <div className="space-y-2" data-testid="cxone-capabilities">
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={() => void run()} disabled={busy || !canTest}>
          {busy ? "Testing…" : "Test connection"}
        </Button>
        {!canTest ? <span className="text-xs text-slate-500">Save a connection first.</span> : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {report ? (
        <div>
          <p className="text-sm font-medium">
            {report.ok ? "Everything this profile offers works." : "Some of what this profile offers does not work yet."}{" "}
            <span className="text-xs font-normal text-slate-500">
              ({report.profile === "platform" ? "NICE platform" : "WFM API (seed contract)"}, tested {report.testedAt.slice(0, 16).replace("T", " ")} UTC)
            </span>
          </p>
          <table className="mt-1 w-full text-sm" aria-label="What works on this connection">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-2 font-medium">Capability</th>
                <th className="py-1 pr-2 font-medium">State</th>
                <th className="py-1 font-medium">Details</th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((c) => (
                <tr key={c.key} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap py-1 pr-2">{c.label}</td>
                  <td className="py-1 pr-2">
                    <Badge tone={STATE[c.state].tone}>{STATE[c.state].text}</Badge>
                  </td>
                  <td className="py-1 text-slate-700">{c.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
