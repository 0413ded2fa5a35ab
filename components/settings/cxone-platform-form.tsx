"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveCxonePlatformConnectionAction } from "@/lib/actions/cxone/save-cxone-platform-connection";
import type { CxonePlatformView } from "@/lib/schemas/cxone-connection";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";

/**
 * The NICE platform profile: tenant id (discovery) or a manual API host, the API user's
 * access key, and optionally the registered application. Secrets are never sent back:
 * an empty secret field keeps the stored one.
 */
export function CxonePlatformForm({ initial }: { initial: CxonePlatformView | null }) {
  const router = useRouter();
  const [hostBy, setHostBy] = useState<"tenant" | "apiHost">(initial?.apiHost ? "apiHost" : "tenant");
  const [tenantId, setTenantId] = useState(initial?.tenantId ?? "");
  const [apiHost, setApiHost] = useState(initial?.apiHost ?? "");
  const [issuer, setIssuer] = useState(initial?.issuer ?? "");
  const [accessKeyId, setAccessKeyId] = useState(initial?.accessKeyId ?? "");
  const [accessKeySecret, setAccessKeySecret] = useState("");
  const [clientId, setClientId] = useState(initial?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await saveCxonePlatformConnectionAction({ hostBy, tenantId, apiHost, issuer, accessKeyId, accessKeySecret, clientId, clientSecret });
    setBusy(false);
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: "Saved. Secrets are stored encrypted and never shown again. Test the connection below." });
    if (!error) {
      setAccessKeySecret("");
      setClientSecret("");
      router.refresh();
    }
  }

  return (
    <form onSubmit={save} className="grid gap-3 md:grid-cols-2" aria-label="CXone platform connection">
      <fieldset className="md:col-span-2">
        <legend className={label}>Where to call</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="hostBy" checked={hostBy === "tenant"} onChange={() => setHostBy("tenant")} /> Discover from the tenant id
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="hostBy" checked={hostBy === "apiHost"} onChange={() => setHostBy("apiHost")} /> Enter the API host by hand
          </label>
        </div>
      </fieldset>
      {hostBy === "tenant" ? (
        <label className={label}>
          Tenant id
          <input aria-label="Tenant id" className={input} value={tenantId} onChange={(e) => setTenantId(e.target.value)} autoComplete="off" />
        </label>
      ) : (
        <label className={label}>
          API host
          <input aria-label="API host" className={input} value={apiHost} onChange={(e) => setApiHost(e.target.value)} placeholder="https://api-na1.niceincontact.com" />
        </label>
      )}
      <label className={label}>
        Sign-in issuer <span className="font-normal text-slate-500">(empty: NICE&apos;s)</span>
        <input aria-label="Sign-in issuer" className={input} value={issuer} onChange={(e) => setIssuer(e.target.value)} placeholder="https://cxone.niceincontact.com" />
      </label>
      <label className={label}>
        Access key id
        <input aria-label="Access key id" className={input} value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} autoComplete="off" />
      </label>
      <label className={label}>
        Access key secret
        <input
          aria-label="Access key secret"
          type="password"
          className={input}
          value={accessKeySecret}
          onChange={(e) => setAccessKeySecret(e.target.value)}
          autoComplete="new-password"
          placeholder={initial?.hasAccessKeySecret ? "•••••••• stored — leave empty to keep" : ""}
        />
      </label>
      <label className={label}>
        Client id <span className="font-normal text-slate-500">(registered application; empty: access-key sign-in only)</span>
        <input aria-label="Client id" className={input} value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
      </label>
      <label className={label}>
        Client secret
        <input
          aria-label="Client secret"
          type="password"
          className={input}
          value={clientSecret}
          onChange={(e) => setClientSecret(e.target.value)}
          autoComplete="new-password"
          placeholder={initial?.hasClientSecret ? "•••••••• stored — leave empty to keep" : ""}
        />
      </label>
      <p className="text-xs text-slate-500 md:col-span-2">
        Permissions come from the API user&apos;s CXone role (for example a scheduling manager role): agents and skills view, schedule export, WFM data.
      </p>
      <div className="md:col-span-2">
        <Button type="submit" disabled={busy}>
          Save platform connection
        </Button>
      </div>
      {status ? (
        <Alert tone={status.tone} className="md:col-span-2">
          {status.text}
        </Alert>
      ) : null}
    </form>
  );
}
