import "server-only";
import type { Db } from "../../db/client";
import { getConnection, setConnectionTestResult } from "../../db/queries/cxone-connections";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { capabilitiesOf, CxoneError, type Capability, type CxoneClientDeps, type PlatformCheck } from "../../cxone";
import { AppError } from "../../errors";
import type { CapabilityCheck, CapabilityCheckKey, CxoneCapabilityReport } from "../../types/cxone";
import { recordAudit } from "../audit";
import { CXONE_CONNECTION_ID, getPlatformClient, requireCxoneClient } from "../backends/cxone-client";

export const CHECK_LABELS: Record<CapabilityCheckKey, string> = {
  discovery: "Discovery (tenant → API host)",
  signIn: "Sign-in",
  agentsRead: "Agents read",
  skillsRead: "Skills read",
  scheduleExport: "Schedule export",
  contactHistory: "Contact history",
  importEndpoint: "Shift import endpoint",
  coverageRead: "Coverage read",
  optimization: "Optimization run",
};

const row = (key: CapabilityCheckKey, state: CapabilityCheck["state"], message: string): CapabilityCheck => ({ key, label: CHECK_LABELS[key], state, message });

function off(profile: "seed" | "platform", key: CapabilityCheckKey, capability: Capability): CapabilityCheck {
  const s = capabilitiesOf(profile)[capability];
  return row(key, "not_offered", s.available ? "" : s.message);
}

/**
 * "Test connection" per capability for the stored connection, whichever profile it is:
 * each step the profile offers is tried with a light call (ok, the missing permission
 * named, or CXone's words), and each it does not offer says why. Stored beside the
 * connection and audited; writes nothing in CXone.
 */
export async function testCxoneCapabilities(
  db: Db,
  user: CurrentUser,
  options: { deps?: CxoneClientDeps; now?: Date; requestId?: string } = {},
): Promise<CxoneCapabilityReport> {
  assertCan(user, "cxone.connection.test");
  const stored = await getConnection(db, CXONE_CONNECTION_ID);
  const profile = stored?.profile === "platform" ? "platform" : "seed";
  const checks = profile === "platform" ? await platformChecks(db, options.deps) : await seedChecks(db);
  const offered = checks.filter((c) => c.state !== "not_offered");
  const now = options.now ?? new Date();
  const report: CxoneCapabilityReport = { profile, ok: offered.length > 0 && offered.every((c) => c.state === "ok"), checks, testedAt: now.toISOString() };
  if (stored) await setConnectionTestResult(db, CXONE_CONNECTION_ID, now, report as unknown as Record<string, unknown>);
  await recordAudit(db, { id: user.id, label: user.email }, { action: "cxone.connection.tested", entityType: "cxone_connection", entityId: CXONE_CONNECTION_ID, details: { ok: report.ok } }, options.requestId);
  return report;
}

async function platformChecks(db: Db, deps?: CxoneClientDeps): Promise<CapabilityCheck[]> {
  const tail = [off("platform", "coverageRead", "readCoverage"), off("platform", "optimization", "runOptimization")];
  let checks: PlatformCheck[];
  try {
    const client = await getPlatformClient(db, deps);
    if (!client) throw new AppError("VALIDATION", "The platform connection is incomplete: enter the access key id and secret and save.");
    checks = await client.checkCapabilities();
  } catch (e) {
    if (!(e instanceof CxoneError)) throw e;
    // Making the client is discovery only (the first token is fetched on the first call), so
    // whatever failed here — an unknown tenant, an unexpected answer, an unreachable issuer — failed discovery.
    const rest = (["signIn", "agentsRead", "skillsRead", "scheduleExport", "contactHistory"] as const).map((k) => row(k, "not_checked", "not checked: discovery failed"));
    return [row("discovery", "failed", e.message), ...rest, off("platform", "importEndpoint", "importShifts"), ...tail];
  }
  return [...checks.map((c) => row(c.key, c.state, c.message)), ...tail];
}

async function seedChecks(db: Db): Promise<CapabilityCheck[]> {
  const client = await requireCxoneClient(db);
  const r = await client.testConnection();
  const scope = (key: CapabilityCheckKey, ...names: (keyof typeof r.scopes)[]): CapabilityCheck => {
    if (!r.token.ok) return row(key, "not_checked", "not checked: sign-in failed");
    const bad = names.map((n) => ({ n, c: r.scopes[n] })).find((x) => !x.c.ok);
    if (!bad) return row(key, "ok", names.map((n) => `${n}: ${r.scopes[n].message}`).join("; "));
    const missing = bad.c.message.startsWith("missing:");
    return row(key, missing ? "missing_permission" : "failed", `${bad.n}: ${bad.c.message}`);
  };
  return [
    row("discovery", "not_offered", "The seed's WFM API has fixed regional hosts (NA, EU, JP) or a base URL you enter: there is no discovery."),
    row("signIn", r.token.ok ? "ok" : "failed", r.token.ok ? `client credentials: ${r.token.message}` : r.token.message),
    off("seed", "agentsRead", "syncAgentsSkills"),
    off("seed", "skillsRead", "syncAgentsSkills"),
    off("seed", "scheduleExport", "exportSchedule"),
    off("seed", "contactHistory", "contactHistory"),
    scope("importEndpoint", "wfm:schedule:write"),
    scope("coverageRead", "wfm:schedule:read"),
    scope("optimization", "wfm:optimization:read", "wfm:optimization:write"),
  ];
}
