/**
 * `npm run cxone:sim`: the simulator as a process. Knobs come from CXONE_SIM_* (see
 * faultsFromEnv) and flags; a flag wins over the environment.
 */
import { parseArgs } from "node:util";
import { CXONE_SCOPES, type CxoneScope } from "../../lib/cxone/config";
import { DEFAULT_PLATFORM_APP, DEFAULT_PLATFORM_USER, DEFAULT_TENANT, defaultFaults, faultsFromEnv, mergeFaults, startSimulator, type RunningSimulator, type SimClient, type SimFaultsPatch } from "../../lib/cxone/simulator";
import { addDays, isoWeekday, parseDateKey } from "../../lib/domain/time";
import { demoSimData } from "../cxone-flow/demo";

export const SIM_USAGE = `Usage: npm run cxone:sim -- [options]

  --port N                  listen port (8787; 0 = any free port)   env CXONE_SIM_PORT
  --host H                  listen address (127.0.0.1)
  --profile seed|platform   the seed's WFM API contract (default) or the NICE platform:
                            discovery, access-key sign-in, documented reads  env CXONE_SIM_PROFILE
  --demo                    load the demo center (agents, skills, sites, 4 weeks of demand)
  --demo-week YYYY-MM-DD    its first Monday (default: this week)
  --demo-shifts             also load the demo week's shifts (the flow imports them itself)
  --client-id ID --client-secret S --scopes "a b"   the API client (sim-client / sim-secret / all)
                                                    env CXONE_SIM_CLIENT_ID, CXONE_SIM_CLIENT_SECRET, CXONE_SIM_SCOPES
Faults (env CXONE_SIM_*; also POST /__sim/faults with JSON at runtime):
  --seed N                  PRNG seed for fault decisions           CXONE_SIM_SEED
  --latency-ms MS           added to every API answer               CXONE_SIM_LATENCY_MS
  --rate-429 R              share of requests answered 429          CXONE_SIM_429_RATE
  --retry-after V           "2" seconds, "date:2" HTTP date, "none" CXONE_SIM_RETRY_AFTER
  --rate-5xx R              share answered 503                      CXONE_SIM_5XX_RATE
  --5xx-after-apply         apply writes before failing them        CXONE_SIM_5XX_AFTER_APPLY
  --fault-endpoints LIST    import,coverage,run,job,token           CXONE_SIM_FAULT_ENDPOINTS
  --token-ttl-ms MS         token lifetime                          CXONE_SIM_TOKEN_TTL_MS
  --malformed-rate R        coverage pages with a wrong-typed field CXONE_SIM_MALFORMED_RATE
  --truncate-rate R         coverage pages cut mid-JSON             CXONE_SIM_TRUNCATE_RATE
  --repeat-token            pages repeat their page token           CXONE_SIM_REPEAT_TOKEN
  --job-queued-ms MS --job-running-ms MS                            CXONE_SIM_JOB_QUEUED_MS / _RUNNING_MS
  --job-never-completes     --job-fails                             CXONE_SIM_JOB_NEVER_COMPLETES / _FAILS`;

export interface SimCliIO {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  now?: () => number;
}

/** Starts the simulator from argv and env; resolves once it listens. */
export async function runSimulatorCli(argv: readonly string[], io: SimCliIO): Promise<RunningSimulator | null> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      profile: { type: "string" },
      demo: { type: "boolean" },
      "demo-week": { type: "string" },
      "demo-shifts": { type: "boolean" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      scopes: { type: "string" },
      seed: { type: "string" },
      "latency-ms": { type: "string" },
      "rate-429": { type: "string" },
      "retry-after": { type: "string" },
      "rate-5xx": { type: "string" },
      "5xx-after-apply": { type: "boolean" },
      "fault-endpoints": { type: "string" },
      "token-ttl-ms": { type: "string" },
      "malformed-rate": { type: "string" },
      "truncate-rate": { type: "string" },
      "repeat-token": { type: "boolean" },
      "job-queued-ms": { type: "string" },
      "job-running-ms": { type: "string" },
      "job-never-completes": { type: "boolean" },
      "job-fails": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(SIM_USAGE);
    return null;
  }
  // Flags become the same variables the environment uses, then one parser reads them.
  const env: Record<string, string | undefined> = { ...io.env };
  const set = (key: string, v: string | boolean | undefined) => {
    if (v !== undefined) env[key] = typeof v === "boolean" ? (v ? "1" : "0") : v;
  };
  set("CXONE_SIM_SEED", values.seed);
  set("CXONE_SIM_LATENCY_MS", values["latency-ms"]);
  set("CXONE_SIM_429_RATE", values["rate-429"]);
  set("CXONE_SIM_RETRY_AFTER", values["retry-after"]);
  set("CXONE_SIM_5XX_RATE", values["rate-5xx"]);
  set("CXONE_SIM_5XX_AFTER_APPLY", values["5xx-after-apply"]);
  set("CXONE_SIM_FAULT_ENDPOINTS", values["fault-endpoints"]);
  set("CXONE_SIM_TOKEN_TTL_MS", values["token-ttl-ms"]);
  set("CXONE_SIM_MALFORMED_RATE", values["malformed-rate"]);
  set("CXONE_SIM_TRUNCATE_RATE", values["truncate-rate"]);
  set("CXONE_SIM_REPEAT_TOKEN", values["repeat-token"]);
  set("CXONE_SIM_JOB_QUEUED_MS", values["job-queued-ms"]);
  set("CXONE_SIM_JOB_RUNNING_MS", values["job-running-ms"]);
  set("CXONE_SIM_JOB_NEVER_COMPLETES", values["job-never-completes"]);
  set("CXONE_SIM_JOB_FAILS", values["job-fails"]);
  const faults: SimFaultsPatch = faultsFromEnv(env);
  mergeFaults(defaultFaults(), faults); // fail fast on bad knobs

  const scopesText = values.scopes ?? env.CXONE_SIM_SCOPES;
  const scopes = scopesText ? (scopesText.split(/[\s,]+/).filter(Boolean) as CxoneScope[]) : [...CXONE_SCOPES];
  const unknown = scopes.filter((s) => !(CXONE_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new RangeError(`Unknown scope(s): ${unknown.join(", ")}`);
  const client: SimClient = {
    clientId: values["client-id"] ?? env.CXONE_SIM_CLIENT_ID ?? "sim-client",
    clientSecret: values["client-secret"] ?? env.CXONE_SIM_CLIENT_SECRET ?? "sim-secret",
    scopes,
  };

  let demo: { weekStart: string; includeShifts: boolean } | undefined;
  if (values.demo || values["demo-week"] || values["demo-shifts"]) {
    const today = new Date((io.now ?? Date.now)()).toISOString().slice(0, 10);
    const week = values["demo-week"] ?? addDays(today, 1 - isoWeekday(today));
    if (!parseDateKey(week) || isoWeekday(week) !== 1) throw new RangeError(`--demo-week must be a Monday (YYYY-MM-DD), got ${week}`);
    demo = { weekStart: week, includeShifts: values["demo-shifts"] ?? false };
  }

  const port = Number(values.port ?? env.CXONE_SIM_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be 0–65535`);
  const data = demo ? demoSimData({ weekStart: demo.weekStart, includeShifts: demo.includeShifts }) : undefined;
  const profile = values.profile ?? env.CXONE_SIM_PROFILE ?? "seed";
  if (profile !== "seed" && profile !== "platform") throw new RangeError(`--profile must be seed or platform, got ${profile}`);
  const sim = await startSimulator({ port, host: values.host ?? "127.0.0.1", clients: [client], faults, data, profile });
  io.out(`CXone simulator (${profile} profile) listening on ${sim.url}`);
  if (profile === "platform") {
    io.out(`  issuer ${sim.url}, tenant id ${DEFAULT_TENANT.tenantId} (area ${DEFAULT_TENANT.area}); API host template http://{domain}/api-{area}`);
    io.out(`  access key ${DEFAULT_PLATFORM_USER.accessKeyId} / ${DEFAULT_PLATFORM_USER.accessKeySecret} (role ${DEFAULT_PLATFORM_USER.role}), app ${DEFAULT_PLATFORM_APP.clientId} / ${DEFAULT_PLATFORM_APP.clientSecret}`);
  }
  if (!["127.0.0.1", "localhost", "::1"].includes(values.host ?? "127.0.0.1")) {
    io.out("  WARNING: not bound to loopback; the /__sim control endpoints have no authentication.");
  }
  if (profile === "seed") io.out(`  client id ${client.clientId}, scopes ${client.scopes.join(" ")}`);
  if (demo) io.out(`  demo center loaded for the week of ${demo.weekStart}${demo.includeShifts ? " (with its shifts)" : ""}`);
  const active = Object.keys(faults);
  if (active.length) io.out(`  faults: ${JSON.stringify(faults)}`);
  io.out(`  control: GET/POST ${sim.url}/__sim/faults, GET ${sim.url}/__sim/stats`);
  return sim;
}
