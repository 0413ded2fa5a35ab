import "server-only";
/**
 * The NICE platform profile's reads: Admin API agents and skills (top/skip), one agent's
 * schedule export in 7-day windows, WFM data historical contacts per skill and interval
 * (`_links.next`, 204 for an empty range), and Data Extraction jobs (one caller per
 * tenant, at most every 30 s; short-lived download URLs).
 *
 *   const cx = await createPlatformClient({ tenantId, accessKeyId, accessKeySecret, clientId, clientSecret });
 *   const agents = await cx.listAgents();
 */
import { z } from "zod";
import { CxoneError, CxoneJobFailedError, CxonePermissionError, CxoneRequestError, CxoneTimeoutError } from "../errors";
import { readPages } from "../paging";
import { capabilitiesOf } from "../profiles/capabilities";
import { fillPath, type EndpointDef, type PlatformEndpoint } from "../profiles/endpoints";
import { MinIntervalGate } from "../throttle";
import { TolerantReader, field } from "../tolerant";
import { defaultSleep, silentLogger, type TransportDeps } from "../transport";
import type { CxoneClientDeps } from "../client";
import { connectPlatform, parsePlatformConfig, type PlatformConfigInput, type PlatformConnection } from "./connect";
import { exportWindows } from "./windows";

export interface PlatformAgent { agentId: string; userId: string; userName: string; firstName: string; lastName: string; active: boolean }
export interface PlatformSkill { skillId: string; name: string; mediaType: string | undefined; active: boolean }
export interface PlatformAgentSkill { agentId: string; skillId: string; proficiency: number }
export interface ExportedShift { userId: string; start: number; end: number; activities: { name: string; start: number; end: number }[] }
export interface ContactHistoryRow { skillId: string; intervalStart: number; intervalMinutes: number; offered: number; handled: number; averageHandleTimeSeconds: number }
export interface ExportProgress { done: number; total: number; userId: string; window: { startDate: string; endDate: string } }
export interface ExtractionJob { jobId: string; status: string; url?: string; expiresAt?: string; errorMessage?: string }

/** The short-lived download URL expired before it was read: ask for the job again. */
export class CxoneDownloadExpiredError extends CxoneError {}

type Rec = Record<string, unknown>;
const listBody = z.looseObject({});
const EXTRACTION_STATUSES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED"] as const;

export class PlatformClient {
  readonly profile = "platform" as const;
  readonly capabilities = capabilitiesOf("platform");
  private readonly gate: MinIntervalGate;
  private readonly tolerant: TolerantReader;

  constructor(
    readonly connection: PlatformConnection,
    private readonly deps: TransportDeps,
  ) {
    this.gate = new MinIntervalGate(deps.now, deps.sleep);
    this.tolerant = new TolerantReader(deps.logger);
  }

  get apiBaseUrl(): string {
    return this.connection.discovery.apiBaseUrl;
  }

  private ep(name: PlatformEndpoint): EndpointDef {
    return this.connection.map[name];
  }

  private auth(def: EndpointDef) {
    return def.needs && "permission" in def.needs ? { permission: def.needs.permission } : false;
  }

  /** Every record of a top/skip or `_links.next` endpoint. */
  private async readAll(name: PlatformEndpoint, query: Record<string, string | number> = {}): Promise<Rec[]> {
    const def = this.ep(name);
    const fields = def.fields ?? {};
    const list = fields.list ?? "items";
    const out: Rec[] = [];
    for await (const page of readPages<Rec, Rec>({
      style: def.paging ?? { kind: "topSkip", top: 100 },
      what: name,
      path: def.path,
      fetchPage: async (cursor) => {
        const res = await this.connection.transport.request({
          method: "GET",
          path: cursor.href ? this.absolute(cursor.href) : def.path,
          query: cursor.href ? undefined : { ...query, ...cursor.query },
          idempotent: true,
          auth: this.auth(def),
          schema: listBody,
          noContent: true,
        });
        return { status: res.status, data: res.data as Rec | undefined };
      },
      items: (b) => {
        const items = b[list];
        if (items === undefined) return [];
        if (!Array.isArray(items)) throw new CxoneRequestError(`CXone answered ${def.path} without a "${list}" list`, { path: def.path, code: "MALFORMED_RESPONSE" });
        return items as Rec[];
      },
      next: (b) => {
        const links = b._links as { next?: { href?: string } | string } | undefined;
        return typeof links?.next === "string" ? links.next : (links?.next?.href ?? null);
      },
      total: (b) => (typeof b[fields.total ?? "totalRecords"] === "number" ? (b[fields.total ?? "totalRecords"] as number) : undefined),
    })) {
      out.push(...page.items);
    }
    out.forEach((r) => this.tolerant.noteUnknownFields(def.path, r, fields));
    return out;
  }

  /** A `_links.next` href is resolved like a browser would, against the API host. */
  private absolute(href: string): string {
    return new URL(href, `${this.apiBaseUrl}/`).toString();
  }

  async listAgents(): Promise<PlatformAgent[]> {
    const def = this.ep("agents");
    const f = def.fields!;
    return (await this.readAll("agents")).map((r, index) => {
      const w = { path: def.path, index, list: f.list };
      return {
        agentId: String(field(r, f, "agentId", r[f.agentId] === undefined || typeof r[f.agentId] === "string" ? "string" : "number", w)),
        userId: field(r, f, "userId", "string", w)!,
        userName: field(r, f, "userName", "string", w)!,
        firstName: field(r, f, "firstName", "string", w, true) ?? "",
        lastName: field(r, f, "lastName", "string", w, true) ?? "",
        active: field(r, f, "active", "boolean", w, true) ?? true,
      };
    });
  }

  async listSkills(): Promise<PlatformSkill[]> {
    const def = this.ep("skills");
    const f = def.fields!;
    return (await this.readAll("skills")).map((r, index) => {
      const w = { path: def.path, index, list: f.list };
      return {
        skillId: String(field(r, f, "skillId", typeof r[f.skillId] === "number" ? "number" : "string", w)),
        name: field(r, f, "name", "string", w)!,
        mediaType: field(r, f, "mediaType", "string", w, true),
        active: field(r, f, "active", "boolean", w, true) ?? true,
      };
    });
  }

  async listAgentSkills(): Promise<PlatformAgentSkill[]> {
    const def = this.ep("agentSkills");
    const f = def.fields!;
    return (await this.readAll("agentSkills")).map((r, index) => {
      const w = { path: def.path, index, list: f.list };
      return {
        agentId: String(field(r, f, "agentId", typeof r[f.agentId] === "number" ? "number" : "string", w)),
        skillId: String(field(r, f, "skillId", typeof r[f.skillId] === "number" ? "number" : "string", w)),
        proficiency: field(r, f, "proficiency", "number", w)!,
      };
    });
  }

  /**
   * Each agent's schedule for [startDate, endDate] (inclusive dates), one request per agent
   * and 7-day window, at most `concurrency` at a time; `onProgress` after each request.
   */
  async exportSchedules(o: { userIds: readonly string[]; startDate: string; endDate: string; concurrency?: number; onProgress?: (p: ExportProgress) => void; signal?: AbortSignal }): Promise<{ shifts: ExportedShift[]; requests: number }> {
    const def = this.ep("scheduleExport");
    const f = def.fields!;
    const windows = exportWindows(o.startDate, o.endDate);
    const tasks = o.userIds.flatMap((userId) => windows.map((window) => ({ userId, window })));
    const results: ExportedShift[][] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= tasks.length) return;
        const { userId, window } = tasks[i];
        const res = await this.connection.transport.request({
          method: "POST",
          path: def.path,
          json: { [f.startDate]: window.startDate, [f.endDate]: window.endDate, [f.userId]: userId },
          // A read, though it is a POST: safe to repeat.
          idempotent: true,
          auth: this.auth(def),
          schema: listBody,
          noContent: true,
          signal: o.signal,
        });
        const body = (res.data ?? {}) as Rec;
        const list = (Array.isArray(body[f.list]) ? body[f.list] : []) as Rec[];
        results[i] = list.map((r, index) => {
          const w = { path: def.path, index, list: f.list };
          this.tolerant.noteUnknownFields(def.path, r, { a: "startDate", b: "endDate", c: f.activities, d: "userID" });
          const acts = (Array.isArray(r[f.activities]) ? r[f.activities] : []) as Rec[];
          return {
            userId,
            start: Date.parse(field(r, {}, "startDate", "string", w)!),
            end: Date.parse(field(r, {}, "endDate", "string", w)!),
            activities: acts.map((a, j) => {
              const wa = { path: def.path, index: j, list: `${f.list}[${index}].${f.activities}` };
              return { name: field(a, {}, "name", "string", wa)!, start: Date.parse(field(a, {}, "startDate", "string", wa)!), end: Date.parse(field(a, {}, "endDate", "string", wa)!) };
            }),
          };
        });
        done++;
        o.onProgress?.({ done, total: tasks.length, userId, window });
      }
    };
    const n = Math.max(1, Math.min(o.concurrency ?? 4, tasks.length));
    await Promise.all(Array.from({ length: n }, worker));
    // A shift across a window boundary comes back from both windows: keep it once.
    const seen = new Set<string>();
    const shifts = results.flat().filter((s) => {
      const k = `${s.userId}|${s.start}|${s.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { shifts, requests: tasks.length };
  }

  /** Historical contacts per skill and interval (volumes and handle times): the demand history a forecast needs. */
  async contactHistory(o: { startDate: string; endDate: string; skillId?: string }): Promise<ContactHistoryRow[]> {
    const def = this.ep("contactHistory");
    const f = def.fields!;
    const rows = await this.readAll("contactHistory", { startDate: o.startDate, endDate: o.endDate, ...(o.skillId ? { skillId: o.skillId } : {}) });
    return rows.map((r, index) => {
      const w = { path: def.path, index, list: f.list };
      return {
        skillId: String(field(r, f, "skillId", typeof r[f.skillId] === "number" ? "number" : "string", w)),
        intervalStart: Date.parse(field(r, f, "intervalStart", "string", w)!),
        intervalMinutes: field(r, f, "intervalMinutes", "number", w, true) ?? 15,
        offered: field(r, f, "offered", "number", w)!,
        handled: field(r, f, "handled", "number", w)!,
        averageHandleTimeSeconds: field(r, f, "aht", "number", w)!,
      };
    });
  }

  /** Submits a Data Extraction job, waiting for the tenant's turn (one caller, at most every 30 s). */
  async submitExtraction(o: { entityName: string; startDate: string; endDate: string; signal?: AbortSignal }): Promise<string> {
    const def = this.ep("extractionSubmit");
    await this.gate.wait(`${this.apiBaseUrl}|extraction`, def.minIntervalMs ?? 0, o.signal, (ms) =>
      this.deps.logger.info({ waitMs: ms }, "data extraction allows one job every 30 s per tenant; waiting our turn"),
    );
    const res = await this.connection.transport.request({
      method: "POST",
      path: def.path,
      json: { entityName: o.entityName, version: "1", startDate: o.startDate, endDate: o.endDate },
      idempotent: false,
      auth: this.auth(def),
      schema: z.looseObject({ jobId: z.string().min(1) }),
      signal: o.signal,
    });
    return res.data.jobId;
  }

  async getExtraction(jobId: string): Promise<ExtractionJob> {
    const def = this.ep("extractionJob");
    const res = await this.connection.transport.request({
      method: "GET",
      path: fillPath(def.path, { jobId }),
      idempotent: true,
      auth: this.auth(def),
      schema: z.looseObject({ jobId: z.string(), status: z.string(), result: z.looseObject({ url: z.string(), expiresAt: z.string().optional() }).nullish(), errorMessage: z.string().nullish() }),
    });
    const d = res.data;
    return { jobId: d.jobId, status: this.tolerant.enumValue(def.path, "status", d.status, EXTRACTION_STATUSES), url: d.result?.url, expiresAt: d.result?.expiresAt, errorMessage: d.errorMessage ?? undefined };
  }

  /** Polls until SUCCEEDED (an unknown status counts as still running), FAILED, or the deadline. */
  async pollExtraction(jobId: string, o: { deadlineMs?: number; intervalMs?: number } = {}): Promise<ExtractionJob & { url: string }> {
    const deadline = this.deps.now() + (o.deadlineMs ?? 600_000);
    for (;;) {
      const job = await this.getExtraction(jobId);
      if (job.status === "SUCCEEDED" && job.url) return job as ExtractionJob & { url: string };
      if (job.status === "FAILED") throw new CxoneJobFailedError(`Data extraction job ${jobId} failed: ${job.errorMessage ?? "no reason given"}`, jobId);
      if (this.deps.now() >= deadline) throw new CxoneTimeoutError(`Data extraction job ${jobId} did not finish in time (still ${job.status})`, { jobId, code: "POLL_DEADLINE" });
      await this.deps.sleep(Math.min(o.intervalMs ?? 2_000, Math.max(0, deadline - this.deps.now())));
    }
  }

  /** Reads the job's file. The URL is short-lived and unauthenticated (signed); an expired one is a clear error. */
  async downloadExtraction(url: string): Promise<string> {
    const res = await this.deps.fetch(url, { method: "GET", signal: AbortSignal.timeout(this.connection.config.timeoutMs) });
    const text = await res.text();
    if (res.ok) return text;
    if (res.status === 403 || res.status === 410) {
      throw new CxoneDownloadExpiredError(`The extraction file's download link has expired (HTTP ${res.status}); links live only a few minutes. Read the job again for a fresh link.`, {
        status: res.status,
        code: "DOWNLOAD_EXPIRED",
      });
    }
    throw new CxoneError(`Downloading the extraction file failed with HTTP ${res.status}`, { status: res.status });
  }

  /**
   * "Test connection" on this profile, one row per step: discovery (already done when the
   * client was made), sign-in, then one light call per documented read (a page of one, a
   * one-day range); a 403 names the role permission, a 400/404/422 on the export of a probe
   * user still proves the permission passed. The import endpoint is reported as not offered.
   */
  async checkCapabilities(): Promise<PlatformCheck[]> {
    const d = this.connection.discovery;
    const checks: PlatformCheck[] = [
      {
        key: "discovery",
        state: "ok",
        message: d.area ? `tenant found in area ${d.area}; API host ${d.apiBaseUrl}` : `API host entered by hand: ${d.apiBaseUrl}`,
      },
    ];
    try {
      await this.connection.tokens.refresh();
      checks.push({ key: "signIn", state: "ok", message: this.connection.config.clientId ? "signed in with the access key and the registered application (password grant)" : "signed in with the access key (JSON access-key endpoint)" });
    } catch (err) {
      checks.push({ key: "signIn", state: "failed", message: errText(err) });
      for (const key of ["agentsRead", "skillsRead", "scheduleExport", "contactHistory"] as const) checks.push({ key, state: "not_checked", message: "not checked: sign-in failed" });
      checks.push(this.importCheck());
      return checks;
    }
    const probe = async (key: PlatformCheck["key"], call: () => Promise<string>, passedCheck = false) => {
      try {
        checks.push({ key, state: "ok", message: await call() });
      } catch (err) {
        if (err instanceof CxonePermissionError) checks.push({ key, state: "missing_permission", message: err.message });
        else if (passedCheck && err instanceof CxoneError && (err.status === 400 || err.status === 404 || err.status === 422)) {
          checks.push({ key, state: "ok", message: `the request passed the permission check (HTTP ${err.status} for the probe user)` });
        } else checks.push({ key, state: "failed", message: errText(err) });
      }
    };
    let firstUser: string | null = null;
    const onePage = async (name: "agents" | "skills") => {
      const def = this.ep(name);
      const res = await this.connection.transport.request({ method: "GET", path: def.path, query: { top: 1, skip: 0 }, idempotent: true, auth: this.auth(def), schema: listBody, noContent: true });
      const body = (res.data ?? {}) as Rec;
      const list = body[def.fields?.list ?? "items"];
      const first = Array.isArray(list) ? (list[0] as Rec | undefined) : undefined;
      if (name === "agents" && first && typeof first[def.fields?.userId ?? "userId"] === "string") firstUser = first[def.fields?.userId ?? "userId"] as string;
      const total = body[def.fields?.total ?? "totalRecords"];
      return res.status === 204 ? `readable (none listed)` : `readable${typeof total === "number" ? `: ${total} in CXone` : ""}`;
    };
    const today = new Date(this.deps.now()).toISOString().slice(0, 10);
    await probe("agentsRead", () => onePage("agents"));
    await probe("skillsRead", () => onePage("skills"));
    await probe(
      "scheduleExport",
      async () => {
        const def = this.ep("scheduleExport");
        const f = def.fields!;
        const res = await this.connection.transport.request({
          method: "POST",
          path: def.path,
          json: { [f.startDate]: today, [f.endDate]: today, [f.userId]: firstUser ?? "shiftboard-probe" },
          idempotent: true,
          auth: this.auth(def),
          schema: listBody,
          noContent: true,
        });
        return `export answered (HTTP ${res.status}) for one user and one day`;
      },
      true,
    );
    await probe("contactHistory", async () => {
      const def = this.ep("contactHistory");
      const res = await this.connection.transport.request({ method: "GET", path: def.path, query: { startDate: today, endDate: today }, idempotent: true, auth: this.auth(def), schema: listBody, noContent: true });
      return res.status === 204 ? "readable (no contacts today: 204)" : "readable";
    });
    checks.push(this.importCheck());
    return checks;
  }

  private importCheck(): PlatformCheck {
    const s = this.capabilities.importShifts;
    return { key: "importEndpoint", state: "not_offered", message: s.available ? "" : s.message };
  }
}

export interface PlatformCheck {
  key: "discovery" | "signIn" | "agentsRead" | "skillsRead" | "scheduleExport" | "contactHistory" | "importEndpoint";
  state: "ok" | "missing_permission" | "not_offered" | "failed" | "not_checked";
  message: string;
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function createPlatformClient(input: PlatformConfigInput, deps: CxoneClientDeps = {}): Promise<PlatformClient> {
  const config = parsePlatformConfig(input);
  const full: TransportDeps = {
    fetch: deps.fetch ?? ((i, init) => globalThis.fetch(i, init)),
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? defaultSleep,
    random: deps.random ?? Math.random,
    logger: deps.logger ?? silentLogger,
  };
  return new PlatformClient(await connectPlatform(config, full), full);
}
