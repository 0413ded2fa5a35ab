/** A scripted fetch for transport unit tests: each call takes the next answer. */
import { createCxoneClient, type CxoneClientDeps } from "@/lib/cxone";

export type Scripted =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | { throws: unknown }
  | { hang: true };

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export function scriptedFetch(script: Scripted[] | ((call: Call, n: number) => Scripted)) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const call: Call = {
      url,
      method: String(init.method),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: init.body === undefined || init.body === null ? undefined : String(init.body),
    };
    calls.push(call);
    const n = calls.length - 1;
    const step = typeof script === "function" ? script(call, n) : (script[n] ?? script[script.length - 1]);
    if ("throws" in step) throw step.throws;
    if ("hang" in step) {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal!;
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    const text = step.text ?? (step.body === undefined ? "" : JSON.stringify(step.body));
    return new Response(step.status === 204 ? null : text, { status: step.status, headers: { "content-type": "application/json", ...step.headers } });
  };
  return { fetch, calls };
}

export const TOKEN = { status: 200, body: { access_token: "tok-1", token_type: "Bearer", expires_in: 3600, scope: "wfm:schedule:read wfm:schedule:write wfm:optimization:read wfm:optimization:write" } };

export function tokenAnswer(token: string, expiresIn = 3600, scope?: string): Scripted {
  return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: expiresIn, scope: scope ?? TOKEN.body.scope } };
}

export const PAGE = { items: [{ skillId: "S1", requiredHours: 10, availableHours: 8, dateRange: { start: "2026-03-02T00:00:00Z", end: "2026-03-02T23:59:59Z" } }], nextPageToken: null, totalCount: 1 };

/** A client whose sleeps are recorded, not waited; random fixed at 0.5. */
export function testClient(fetch: CxoneClientDeps["fetch"], extra: Partial<CxoneClientDeps> & { timeoutMs?: number; maxRetryAfterMs?: number } = {}) {
  const sleeps: number[] = [];
  let clock = Date.UTC(2026, 2, 2, 12, 0, 0);
  const deps: CxoneClientDeps = {
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...extra,
  };
  const client = createCxoneClient(
    {
      baseUrl: "https://cxone.test",
      clientId: "id",
      clientSecret: "secret",
      ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
      ...(extra.maxRetryAfterMs ? { maxRetryAfterMs: extra.maxRetryAfterMs } : {}),
    },
    deps,
  );
  return {
    client,
    sleeps,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}
