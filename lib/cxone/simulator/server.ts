import "server-only";
/**
 * The CXone WFM simulator: the contract of shared/CXONE_API.md on loopback, over an
 * in-memory tenant, with fault injection. Bearer tokens and scopes are checked like the
 * platform does (401 for a missing, unknown or expired token; 403 when the token lacks
 * the endpoint's scope).
 *
 *   const sim = await startSimulator({ data: demoSimData({ weekStart: "2026-03-02" }) });  // scripts/cxone-flow/demo
 *   sim.control.setFaults({ rateLimit: { rate: 1, times: 2 } });
 *   … createCxoneClient({ baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" })
 *   await sim.close();
 *
 * Control endpoints (no auth — bind to loopback only): GET/POST /__sim/faults,
 * POST /__sim/faults/reset, GET /__sim/stats, POST /__sim/stats/reset,
 * POST /__sim/tokens/revoke, GET /__sim/health.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CxoneScope } from "../config";
import { coverageGroupBySchema } from "../schemas";
import { FaultDice, defaultFaults, mergeFaults, type SimEndpoint } from "./faults";
import { createPlatformHandlers, platformRoute } from "./platform";
import { SimHttpError, SimStore } from "./store";

export { type SimClient, DEFAULT_SIM_CLIENT, type SimulatorOptions, type SimRequestLog, type SimStats, type SimControl, type RunningSimulator } from "./server-support";
import { DEFAULT_SIM_CLIENT, LOG_LIMIT, errorsBody, route, ENDPOINT_SCOPE, readBody, safeEqual, encodePageToken, decodePageToken, type SimulatorOptions, type SimRequestLog, type SimControl, type RunningSimulator, type TokenRecord, type Answer } from "./server-support";

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const profile = options.profile ?? "seed";
  const clients = options.clients ?? [DEFAULT_SIM_CLIENT];
  const initialFaults = mergeFaults(defaultFaults(), options.faults ?? {});
  const dice = new FaultDice(initialFaults);
  const store = new SimStore(now, options.timeZone ?? "UTC");
  if (options.data) store.load(options.data);

  const tokens = new Map<string, TokenRecord>();
  const emptyCounts = (): Record<SimEndpoint | "control" | "unknown", number> => ({
    token: 0, import: 0, coverage: 0, run: 0, job: 0, discovery: 0, agents: 0, skills: 0, export: 0, contacts: 0, extraction: 0, control: 0, unknown: 0,
  });
  let stats = { requests: emptyCounts(), statuses: {} as Record<string, number>, tokensIssued: 0, jobsCreated: 0, appliedBase: 0, log: [] as SimRequestLog[] };

  const record = (entry: SimRequestLog) => {
    stats.requests[entry.endpoint]++;
    stats.statuses[entry.status] = (stats.statuses[entry.status] ?? 0) + 1;
    stats.log.push(entry);
    if (stats.log.length > LOG_LIMIT) stats.log.splice(0, stats.log.length - LOG_LIMIT);
    options.onRequest?.(entry);
  };

  const control: SimControl = {
    faults: () => dice.config,
    setFaults(patch) {
      dice.reset(mergeFaults(dice.config, patch));
      return dice.config;
    },
    resetFaults() {
      dice.reset(initialFaults);
      return dice.config;
    },
    stats: () => ({
      requests: { ...stats.requests },
      statuses: { ...stats.statuses },
      tokensIssued: stats.tokensIssued,
      appliedImports: store.appliedImports - stats.appliedBase,
      jobsCreated: stats.jobsCreated,
      shifts: store.shiftCount(),
      log: [...stats.log],
    }),
    resetStats() {
      stats = { requests: emptyCounts(), statuses: {}, tokensIssued: 0, jobsCreated: 0, appliedBase: store.appliedImports, log: [] };
    },
    revokeTokens: () => tokens.clear(),
    load: (data) => store.load(data),
    store,
  };

  // ---------------------------------------------------------------- handlers

  const issueToken = (body: string, authorization: string | undefined): Answer => {
    const form = new URLSearchParams(body);
    let clientId = form.get("client_id") ?? "";
    let clientSecret = form.get("client_secret") ?? "";
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
    if (basic) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      try {
        clientId = decodeURIComponent(colon < 0 ? decoded : decoded.slice(0, colon));
        clientSecret = decodeURIComponent(colon < 0 ? "" : decoded.slice(colon + 1));
      } catch {
        return { status: 400, body: { error: "invalid_request", error_description: "Malformed Basic credentials" } };
      }
    }
    if (form.get("grant_type") !== "client_credentials") {
      return { status: 400, body: { error: "unsupported_grant_type", error_description: "Only client_credentials is supported" } };
    }
    const client = clients.find((c) => c.clientId === clientId);
    if (!client || !safeEqual(client.clientSecret, clientSecret)) {
      return { status: 401, body: { error: "invalid_client", error_description: "Unknown client or wrong secret" }, headers: { "www-authenticate": 'Basic realm="cxone"' } };
    }
    const requested = (form.get("scope") ?? "").split(/\s+/).filter(Boolean);
    // Like most authorization servers: grant what was asked and is allowed (all allowed if none asked).
    const granted = requested.length ? requested.filter((s) => client.scopes.includes(s as CxoneScope)) : [...client.scopes];
    if (granted.length === 0) return { status: 400, body: { error: "invalid_scope", error_description: `None of the requested scopes is allowed for ${clientId}` } };
    const token = `sim.${randomBytes(24).toString("base64url")}`;
    const ttl = dice.config.tokenLifetimeMs;
    tokens.set(token, { clientId, scopes: new Set(granted), expiresAt: now() + ttl });
    stats.tokensIssued++;
    return {
      status: 200,
      body: { access_token: token, token_type: "Bearer", expires_in: Math.max(1, Math.ceil(ttl / 1000)), scope: granted.join(" ") },
      headers: { "cache-control": "no-store" },
    };
  };

  const checkAuth = (authorization: string | undefined, scope: CxoneScope): Answer | null => {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    const challenge = (error: string) => ({ "www-authenticate": `Bearer realm="cxone", error="${error}"` });
    if (!m) return { status: 401, body: errorsBody("UNAUTHORIZED", "A bearer token is required"), headers: challenge("invalid_request") };
    const t = tokens.get(m[1]);
    if (!t) return { status: 401, body: errorsBody("INVALID_TOKEN", "The bearer token is not valid"), headers: challenge("invalid_token") };
    if (now() >= t.expiresAt) {
      tokens.delete(m[1]);
      return { status: 401, body: errorsBody("TOKEN_EXPIRED", "The bearer token has expired"), headers: challenge("invalid_token") };
    }
    if (!t.scopes.has(scope)) {
      return {
        status: 403,
        body: errorsBody("INSUFFICIENT_SCOPE", `This endpoint needs the scope ${scope}`),
        headers: { "www-authenticate": `Bearer realm="cxone", error="insufficient_scope", scope="${scope}"` },
      };
    }
    return null;
  };

  const parseJson = (body: string): unknown => {
    if (body.trim() === "") return undefined;
    try {
      return JSON.parse(body);
    } catch {
      throw new SimHttpError(400, [{ code: "INVALID_JSON", message: "The body is not valid JSON" }]);
    }
  };

  const coverage = (url: URL, entry: SimRequestLog): Answer => {
    const q = url.searchParams;
    const groupByRaw = q.get("groupBy") ?? "skill";
    const groupBy = coverageGroupBySchema.safeParse(groupByRaw);
    if (!groupBy.success) throw new SimHttpError(400, [{ field: "groupBy", code: "INVALID_VALUE", message: "groupBy must be skill, queue or timeBlock" }]);
    const pageSizeRaw = q.get("pageSize") ?? "100";
    const pageSize = Number(pageSizeRaw);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      throw new SimHttpError(400, [{ field: "pageSize", code: "INVALID_VALUE", message: "pageSize must be an integer 1–1000" }]);
    }
    const grid = store.rangeFromQuery(q.get("dateFrom"), q.get("dateTo"));
    const queryKey = `${q.get("dateFrom")}|${q.get("dateTo")}|${groupBy.data}|${pageSize}`;
    const given = q.get("nextPageToken");
    const offset = given ? decodePageToken(given, queryKey) : 0;
    const items = store.coverageItems(grid, groupBy.data);
    const page = items.slice(offset, offset + pageSize);
    let next: string | null = offset + pageSize < items.length ? encodePageToken(offset + pageSize, queryKey) : null;
    if (given && dice.config.repeatPageToken) {
      next = given;
      entry.fault = "repeatPageToken";
    }
    return { status: 200, body: { items: page, nextPageToken: next, totalCount: items.length } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    const method = req.method ?? "GET";
    const entry: SimRequestLog = { at: now(), method, path: url.pathname, endpoint: "unknown", status: 0 };
    const send = (a: Answer & { text?: string }) => {
      const text = a.text ?? (a.body === undefined ? "" : JSON.stringify(a.body));
      entry.status = a.status;
      record(entry);
      res.writeHead(a.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...a.headers });
      res.end(text);
    };

    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof SimHttpError) return send({ status: err.status, body: { errors: err.errors } });
      throw err;
    }

    if (url.pathname.startsWith("/__sim/")) {
      entry.endpoint = "control";
      return send(handleControl(method, url.pathname, body));
    }

    if (profile === "platform") return handlePlatform(req, url, method, body, entry, send);

    const r = route(method, url.pathname);
    if (!r) return send({ status: 404, body: errorsBody("NOT_FOUND", `No route ${method} ${url.pathname}`) });
    if ("wrongMethod" in r) return send({ status: 405, body: errorsBody("METHOD_NOT_ALLOWED", `${method} is not allowed on ${url.pathname}`) });
    entry.endpoint = r.endpoint;
    if (r.endpoint === "import") {
      entry.validateOnly = /"validateOnly"\s*:\s*true/.test(body);
      entry.proficiencyLevels = [...body.matchAll(/"proficiencyLevel"\s*:\s*("[^"]*"|[\d.]+)/g)].slice(0, 20).map((m) => JSON.parse(m[1]) as unknown);
    }

    const delay = dice.latency();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    try {
      if (dice.roll("rateLimit", r.endpoint)) {
        entry.fault = "rateLimit";
        const ra = dice.config.rateLimit.retryAfter;
        const headers: Record<string, string> = {};
        if (ra) headers["retry-after"] = ra.format === "seconds" ? String(ra.seconds) : new Date(now() + ra.seconds * 1000).toUTCString();
        return send({ status: 429, body: errorsBody("RATE_LIMITED", "Too many requests"), headers });
      }
      if (r.endpoint === "token") return send(issueToken(body, req.headers.authorization));

      const denied = checkAuth(req.headers.authorization, ENDPOINT_SCOPE[r.endpoint]);
      if (denied) return send(denied);

      const fail = dice.roll("serverError", r.endpoint);
      const failAfter = fail && dice.config.serverError.afterApply && (r.endpoint === "import" || r.endpoint === "run");
      const failStatus = dice.config.serverError.status;
      if (fail && !failAfter) {
        entry.fault = "serverError";
        return send({ status: failStatus, body: errorsBody("SERVICE_UNAVAILABLE", "The WFM service is temporarily unavailable (simulated)") });
      }

      let answer: Answer;
      switch (r.endpoint) {
        case "import": {
          answer = { status: 200, body: store.importShifts(parseJson(body)) };
          break;
        }
        case "coverage":
          answer = coverage(url, entry);
          break;
        case "run": {
          const job = store.startOptimization(parseJson(body), dice.config.job);
          stats.jobsCreated++;
          answer = { status: 202, body: job };
          break;
        }
        case "job": {
          const job = store.job(r.jobId ?? "");
          answer = job ? { status: 200, body: job } : { status: 404, body: errorsBody("NOT_FOUND", `No optimization job ${r.jobId}`) };
          break;
        }
      }
      if (failAfter) {
        entry.fault = "serverErrorAfterApply";
        return send({ status: failStatus, body: errorsBody("INTERNAL_ERROR", "The WFM service failed while answering (simulated)") });
      }

      if (r.endpoint === "coverage" && answer.status === 200) {
        if (dice.roll("malformedPage", "coverage")) {
          entry.fault = "malformedPage";
          const b = answer.body as { items: Record<string, unknown>[]; totalCount: unknown };
          const items = b.items.map((x) => ({ ...x }));
          if (items.length > 0) items[0].requiredHours = String(items[0].requiredHours);
          answer = { ...answer, body: { ...b, items, totalCount: items.length > 0 ? b.totalCount : String(b.totalCount) } };
        } else if (dice.roll("truncatedPage", "coverage")) {
          entry.fault = "truncatedPage";
          const text = JSON.stringify(answer.body);
          const half = Buffer.from(text).subarray(0, Math.max(1, Math.floor(Buffer.byteLength(text) / 2)));
          entry.status = 200;
          record(entry);
          // Promise the whole body, send half, drop the connection: a page cut mid-JSON.
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
          res.write(half, () => res.destroy());
          return;
        }
      }
      return send(answer);
    } catch (err) {
      if (err instanceof SimHttpError) return send({ status: err.status, body: { errors: err.errors } });
      return send({ status: 500, body: errorsBody("INTERNAL_ERROR", `Simulator error: ${err instanceof Error ? err.message : String(err)}`) });
    }
  };

  // ---------------------------------------------------------------- platform profile

  const platform = createPlatformHandlers({
    store,
    now,
    tokens,
    tokenLifetimeMs: () => dice.config.tokenLifetimeMs,
    onTokenIssued: () => void stats.tokensIssued++,
    options: options.platform ?? {},
  });

  const handlePlatform = async (req: IncomingMessage, url: URL, method: string, body: string, entry: SimRequestLog, send: (a: Answer & { text?: string }) => void): Promise<void> => {
    const r = platformRoute(method, url.pathname);
    if (!r) return send({ status: 404, body: errorsBody("NOT_FOUND", `No route ${method} ${url.pathname}`) });
    entry.endpoint = r.endpoint;
    const host = req.headers.host ?? "127.0.0.1";
    const delay = dice.latency();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (r.kind !== "download" && dice.roll("rateLimit", r.endpoint)) {
      entry.fault = "rateLimit";
      const ra = dice.config.rateLimit.retryAfter;
      const headers: Record<string, string> = {};
      if (ra) headers["retry-after"] = ra.format === "seconds" ? String(ra.seconds) : new Date(now() + ra.seconds * 1000).toUTCString();
      return send({ status: 429, body: errorsBody("RATE_LIMITED", "Too many requests"), headers });
    }
    if (r.endpoint === "discovery") return send(platform.discovery(r.kind, url, host));
    if (r.endpoint === "token") return send(platform.token(r.kind, body, req.headers.authorization));
    if (r.kind === "download") return send(platform.download(r.jobId ?? "", url));
    const denied = platform.checkAuth(req.headers.authorization, platform.permissionFor(r.kind) ?? "");
    if (denied) return send(denied);
    if (dice.roll("serverError", r.endpoint)) {
      entry.fault = "serverError";
      return send({ status: dice.config.serverError.status, body: errorsBody("SERVICE_UNAVAILABLE", "The service is temporarily unavailable (simulated)") });
    }
    const prefix = /^\/api-[a-z0-9]+/.exec(url.pathname)?.[0] ?? "";
    switch (r.kind) {
      case "agents":
      case "skills":
      case "agentSkills":
        return send(platform.admin(r.kind, url));
      case "export":
        return send(platform.exportSchedule(body));
      case "contacts":
        return send(platform.contacts(url, prefix));
      case "extractionSubmit":
        return send(platform.submitExtraction(body));
      default:
        return send(platform.extractionJob(r.jobId ?? "", host));
    }
  };

  const handleControl = (method: string, path: string, body: string): Answer => {
    try {
      if (path === "/__sim/health") return { status: 200, body: { ok: true } };
      if (path === "/__sim/faults" && method === "GET") return { status: 200, body: control.faults() };
      if (path === "/__sim/faults" && method === "POST") return { status: 200, body: control.setFaults(body.trim() ? JSON.parse(body) : {}) };
      if (path === "/__sim/faults/reset" && method === "POST") return { status: 200, body: control.resetFaults() };
      if (path === "/__sim/stats" && method === "GET") return { status: 200, body: control.stats() };
      if (path === "/__sim/stats/reset" && method === "POST") {
        control.resetStats();
        return { status: 204, body: undefined };
      }
      if (path === "/__sim/tokens/revoke" && method === "POST") {
        control.revokeTokens();
        return { status: 204, body: undefined };
      }
      return { status: 404, body: errorsBody("NOT_FOUND", `No control route ${method} ${path}`) };
    } catch (err) {
      return { status: 400, body: errorsBody("INVALID_FAULTS", err instanceof Error ? err.message : String(err)) };
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify(errorsBody("INTERNAL_ERROR", String(err))));
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
