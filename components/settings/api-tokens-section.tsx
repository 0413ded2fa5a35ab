"use client";

import { ShownOnceSecret } from "./shown-once-secret";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiTokenAction } from "@/lib/actions/api-tokens/create-api-token";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens/revoke-api-token";
import { actionErrorText } from "@/lib/client/fetch-json";
import type { ApiTokenView } from "@/lib/types/api-tokens";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, Row } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDayDateClock } from "@/components/ui/format";

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const ZONE = "UTC";

const when = (iso: string | null, none: string) => (iso ? `${formatDayDateClock(Date.parse(iso), ZONE)} ${new Date(iso).getUTCFullYear()}` : none);

/**
 * Settings → API tokens: mint a token (shown once, with a copy button), list every token
 * with when it was created, last used and expires (UTC), and revoke one after a confirm.
 */
export function ApiTokensSection({ tokens, sites }: { tokens: ApiTokenView[]; sites: { id: string; name: string }[] }) {
  const router = useRouter();
  const [form, setForm] = useState({ name: "", role: "planner" as ApiTokenView["role"], siteIds: [] as string[], expiresInDays: "90" });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const days = form.expiresInDays.trim();
    const result = await createApiTokenAction({ name: form.name, role: form.role, siteIds: form.role === "supervisor" ? form.siteIds : [], expiresInDays: days === "" ? null : Number(days) });
    setBusy(false);
    const error = actionErrorText(result);
    if (error || !result?.data) {
      setStatus({ tone: "error", text: error ?? "No answer from the server." });
      return;
    }
    setCreated({ token: result.data.token, name: result.data.view.name });
    setForm({ ...form, name: "" });
    router.refresh();
  }

  async function revoke(id: string) {
    setBusy(true);
    const result = await revokeApiTokenAction({ tokenId: id });
    setBusy(false);
    setConfirming(null);
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: `Revoked "${result?.data?.name}". Its next request gets 401.` });
    router.refresh();
  }


  return (
    <div className="space-y-4">
      <form onSubmit={create} className="flex flex-wrap items-end gap-4 text-xs font-medium text-slate-600" aria-label="New API token">
        <label>
          Name
          <input required maxLength={80} className={`${field} w-56`} value={form.name} placeholder="payroll-export" onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          Role
          <select className={field} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as ApiTokenView["role"] })}>
            <option value="planner">planner</option>
            <option value="supervisor">supervisor (chosen sites)</option>
            <option value="admin">admin</option>
          </select>
        </label>
        {form.role === "supervisor" ? (
          <fieldset className="flex flex-wrap gap-3">
            <legend>Sites</legend>
            {sites.map((s) => (
              <label key={s.id} className="flex items-center gap-1 font-normal">
                <input
                  type="checkbox"
                  checked={form.siteIds.includes(s.id)}
                  onChange={(e) => setForm({ ...form, siteIds: e.target.checked ? [...form.siteIds, s.id] : form.siteIds.filter((x) => x !== s.id) })}
                />
                {s.id}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label>
          Expires after (days; empty: never)
          <input type="number" min={1} max={3650} step={1} className={`${field} w-28`} value={form.expiresInDays} onChange={(e) => setForm({ ...form, expiresInDays: e.target.value })} />
        </label>
        <Button type="submit" size="sm" disabled={busy}>
          Create token
        </Button>
      </form>

      {created ? (
        <ShownOnceSecret
          title={`Token "${created.name}" created: copy it now, it will not be shown again.`}
          label="New API token"
          value={created.token}
          onDone={() => setCreated(null)}
          onCopyFailed={() => setStatus({ tone: "error", text: "The browser did not allow copying; select the token and copy it by hand." })}
        >
          <p className="mt-2 text-xs">Send it as <code>Authorization: Bearer …</code>; the API reference is at <a className="underline" href="/api/docs">/api/docs</a>.</p>
        </ShownOnceSecret>
      ) : null}
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}

      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">Create one above, or mint one on the server with <code>npm run api:token</code>.</EmptyState>
      ) : (
        <DataTable label="API tokens" columns={["Name", "Role", "Sites", "Token", "Created (UTC)", "Last used (UTC)", "Expires (UTC)", "Status", ""]}>
          {tokens.map((t) => (
            <Row key={t.id}>
              <td className="px-2 py-1.5 font-medium">{t.name}</td>
              <td className="px-2 py-1.5">{t.role}</td>
              <td className="px-2 py-1.5">{t.siteIds.length ? t.siteIds.join(", ") : "all"}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{t.prefix}…</td>
              <td className="px-2 py-1.5">
                {when(t.createdAt, "—")}
                <span className="block text-xs text-slate-500">{t.createdBy ?? "from the shell"}</span>
              </td>
              <td className="px-2 py-1.5">{when(t.lastUsedAt, "never")}</td>
              <td className="px-2 py-1.5">{when(t.expiresAt, "never")}</td>
              <td className="px-2 py-1.5">{t.status}</td>
              <td className="px-2 py-1.5 text-right">
                {t.status === "revoked" ? null : confirming === t.id ? (
                  <span className="inline-flex gap-2">
                    <Button size="sm" variant="danger" disabled={busy} onClick={() => revoke(t.id)}>
                      Revoke {t.name}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </span>
                ) : (
                  <Button size="sm" variant="secondary" onClick={() => setConfirming(t.id)} aria-label={`Revoke ${t.name}…`}>
                    Revoke…
                  </Button>
                )}
              </td>
            </Row>
          ))}
        </DataTable>
      )}
    </div>
  );
}
