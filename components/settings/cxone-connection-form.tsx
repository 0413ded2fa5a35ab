"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveCxoneConnectionAction } from "@/lib/actions/cxone/save-cxone-connection";
import type { CxoneConnectionView } from "@/lib/schemas/cxone-connection";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

/** The seed profile (WFM API contract): region or base URL and OAuth client credentials. Tested by the section's "Test connection". */
export function CxoneConnectionForm({ initial, backend }: { initial: CxoneConnectionView; backend: "local" | "cxone" }) {
  const router = useRouter();
  const [region, setRegion] = useState(initial.region as "NA" | "EU" | "JP" | "CUSTOM");
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl ?? "");
  const [clientId, setClientId] = useState(initial.clientId);
  const [clientSecret, setClientSecret] = useState("");
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await saveCxoneConnectionAction({ region, baseUrl, clientId, clientSecret });
    setBusy(false);
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: "Saved. The secret is stored encrypted and is never shown again." });
    if (!error) {
      setClientSecret("");
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Backend in use: <Badge tone={backend === "cxone" ? "info" : "neutral"}>{backend === "cxone" ? "CXone (WFM_BACKEND=cxone)" : "local engines"}</Badge>
        {initial.source === "environment" ? " · connection from the environment" : ""}
      </p>
      <form onSubmit={save} className="grid gap-3 md:grid-cols-2" aria-label="CXone WFM API connection">
        <label className="text-xs font-medium text-slate-600">
          Region
          <select aria-label="Region" className={input} value={region} onChange={(e) => setRegion(e.target.value as typeof region)}>
            <option value="NA">North America (platform.niceincontact.com)</option>
            <option value="EU">Europe (platform.eu.niceincontact.com)</option>
            <option value="JP">Japan (platform.jp.niceincontact.com)</option>
            <option value="CUSTOM">Custom base URL</option>
          </select>
        </label>
        {region === "CUSTOM" ? (
          <label className="text-xs font-medium text-slate-600">
            Base URL
            <input aria-label="Base URL" className={input} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://…" />
          </label>
        ) : (
          <div />
        )}
        <label className="text-xs font-medium text-slate-600">
          Client id
          <input aria-label="Client id" className={input} value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Client secret
          <input
            aria-label="Client secret"
            type="password"
            className={input}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            autoComplete="new-password"
            placeholder={initial.hasSecret ? "•••••••• stored — leave empty to keep" : ""}
          />
        </label>
        <div className="flex gap-2 md:col-span-2">
          <Button type="submit" disabled={busy}>
            Save connection
          </Button>
        </div>
      </form>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </div>
  );
}
