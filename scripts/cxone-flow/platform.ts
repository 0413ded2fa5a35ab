/**
 * The seed's workflow on the NICE platform profile, which has no shift import, coverage or
 * optimization API: sign in (discovery + access key) → check the file's agents against
 * CXone's agents (what the validate-only import does on the seed) → the push: CXone's
 * import template written to a file, with instructions and the unit's publish state →
 * schedule export in 7-day windows compared with the file → contact history → required
 * agents by Erlang C → coverage and gaps measured here → the optimization, which NICE does
 * not expose, reported as off with its reason.
 */
import type { Logger } from "pino";
import { buildCxoneTemplate, type TemplateShift, type UnitPublishState, type ValidShiftRow } from "../../lib/csv";
import { createPlatformClient, type PlatformClient } from "../../lib/cxone/platform/client";
import type { PlatformConfigInput } from "../../lib/cxone/platform/connect";
import { historyToForecastRows } from "../../lib/cxone/platform/history";
import { compareSchedules } from "../../lib/cxone/platform/windows";
import { capabilitiesOf } from "../../lib/cxone/profiles/capabilities";
import { isValidTimeZone } from "../../lib/domain/time";
import { gapsFromCoverage, printGaps } from "./gaps";
import { coverageFromHistory } from "./platform-coverage";
import { DataError, EXIT, UsageError, type FlowIO } from "./usage";

export const PLATFORM_OPTIONS = {
  profile: { type: "string" },
  "tenant-id": { type: "string" },
  "api-host": { type: "string" },
  "api-host-template": { type: "string" },
  issuer: { type: "string" },
  "access-key-id": { type: "string" },
  "access-key-secret": { type: "string" },
  "template-out": { type: "string" },
  "template-zone": { type: "string" },
  "publish-state": { type: "string" },
} as const;

type Values = Partial<Record<keyof typeof PLATFORM_OPTIONS | "client-id" | "client-secret", string>> & { json?: boolean };

export interface PlatformFlowInput {
  values: Values;
  rows: readonly ValidShiftRow[];
  shiftsFile: string;
  /** Inclusive dates. */
  startDate: string;
  endDate: string;
  thresholds: { gapBelow: number; highBelow: number };
  timeoutMs: number;
  io: FlowIO;
  log: Logger;
  say: (line: string) => void;
}

function platformConfig(v: Values, env: FlowIO["env"], timeoutMs: number): PlatformConfigInput {
  const tenantId = v["tenant-id"] ?? env.CXONE_TENANT_ID;
  const apiHost = v["api-host"] ?? env.CXONE_API_HOST;
  const accessKeyId = v["access-key-id"] ?? env.CXONE_ACCESS_KEY_ID;
  const accessKeySecret = v["access-key-secret"] ?? env.CXONE_ACCESS_KEY_SECRET;
  const clientId = v["client-id"] ?? env.CXONE_CLIENT_ID;
  const clientSecret = v["client-secret"] ?? env.CXONE_CLIENT_SECRET;
  if (!tenantId === !apiHost) throw new UsageError("Give exactly one of --tenant-id (discovery) or --api-host (or CXONE_TENANT_ID / CXONE_API_HOST)");
  if (!accessKeyId || !accessKeySecret) throw new UsageError("Give --access-key-id and --access-key-secret (or CXONE_ACCESS_KEY_ID / CXONE_ACCESS_KEY_SECRET)");
  const issuer = v.issuer ?? env.CXONE_ISSUER;
  const template = v["api-host-template"] ?? env.CXONE_API_HOST_TEMPLATE;
  return {
    ...(tenantId ? { tenantId } : { apiHost }),
    ...(issuer ? { issuer } : {}),
    ...(template ? { apiHostTemplate: template } : {}),
    accessKeyId,
    accessKeySecret,
    ...(clientId && clientSecret ? { clientId, clientSecret } : {}),
    timeoutMs,
  };
}

function reason(cap: "importShifts" | "runOptimization"): string {
  const c = capabilitiesOf("platform")[cap];
  return c.available ? "available" : c.message;
}

/** "shifts.csv" → "shifts-cxone-template.csv". */
export function defaultTemplatePath(shiftsFile: string): string {
  return shiftsFile.replace(/(\.csv)?$/i, "-cxone-template.csv");
}

export async function runPlatformFlow(f: PlatformFlowInput): Promise<number> {
  const { values: v, io, log, say, rows } = f;
  const publishState = (v["publish-state"] ?? "unknown") as UnitPublishState;
  if (!["published", "unpublished", "unknown"].includes(publishState)) throw new UsageError(`--publish-state must be published or unpublished, got "${publishState}"`);
  const zone = v["template-zone"] ?? "UTC";
  if (!isValidTimeZone(zone)) throw new UsageError(`--template-zone is not a time zone: "${zone}"`);
  const config = platformConfig(v, io.env, f.timeoutMs);
  const cx: PlatformClient = await createPlatformClient(config, { logger: log, ...io.clientDeps });
  say(`Signed in to the NICE platform at ${cx.apiBaseUrl}.`);

  // 1. The file's agents against CXone's (the seed's validate-only import checks the same).
  const agents = await cx.listAgents();
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  const byUser = new Map(agents.map((a) => [a.userName.toLowerCase(), a]));
  const agentOf = (r: ValidShiftRow) => byId.get(r.agentId) ?? byUser.get(r.agentId.toLowerCase());
  const unknown = rows.filter((r) => !agentOf(r));
  say(`CXone agents: ${agents.length}; the file's agents found: ${rows.length - unknown.length} of ${rows.length} shifts.`);
  if (unknown.length > 0) {
    for (const r of unknown.slice(0, 50)) say(`  Row ${r.row} (agentId): ${r.agentId} is not an agent in CXone`);
    throw new DataError(`${unknown.length} shift(s) name agents CXone does not have; no template was written`);
  }

  // 2. The push: CXone's import template, written to a file.
  const ours = rows.map((r) => ({ row: r, agent: agentOf(r)! }));
  const templateShifts: TemplateShift[] = ours.map(({ row, agent }) => ({ agentId: row.agentId, username: agent.userName, timeZone: zone, start: row.start, end: row.end, breaks: row.breaks, notes: row.notes }));
  const template = buildCxoneTemplate(templateShifts, { publishState });
  const out = v["template-out"] ?? defaultTemplatePath(f.shiftsFile);
  await io.writeFile(out, template.csv);
  say(`Push: wrote ${template.rows} shifts to ${out} in CXone's import template (no shift import API on the NICE platform: ${reason("importShifts")}).`);
  for (const w of template.warnings.slice(0, 50)) say(`  ${w.message}`);
  for (const line of template.instructions.split("\n")) say(`  ${line}`);

  // 3. What CXone has for the window vs the file.
  const userIds = [...new Set(ours.map((o) => o.agent.userId))];
  const byUserId = new Map(agents.map((a) => [a.userId, a.agentId]));
  const exported = await cx.exportSchedules({
    userIds,
    startDate: f.startDate,
    endDate: f.endDate,
    concurrency: 4,
    onProgress: (p) => log.debug({ done: p.done, total: p.total }, "schedule export"),
  });
  const cmp = compareSchedules(
    exported.shifts.map((s) => ({ ...s, agentId: byUserId.get(s.userId) ?? s.userId })),
    ours.map(({ row }) => ({ agentId: byId.has(row.agentId) ? row.agentId : agentOf(row)!.agentId, start: row.start, end: row.end })),
  );
  say(
    `Schedule export ${f.startDate} → ${f.endDate}: CXone has ${exported.shifts.length} shifts for ${userIds.length} agents (${exported.requests} requests in 7-day windows); ` +
      `${cmp.same.length} match the file, ${cmp.onlyCxone.length} only in CXone, ${cmp.onlyOurs.length} only in the file.`,
  );

  // 4. Contact history → required agents (Erlang C) → coverage and gaps.
  const history = await cx.contactHistory({ startDate: f.startDate, endDate: f.endDate });
  const forecast = historyToForecastRows(history);
  const skillsOf = new Map<string, string[]>();
  for (const s of await cx.listAgentSkills()) skillsOf.set(s.agentId, [...(skillsOf.get(s.agentId) ?? []), s.skillId]);
  const coverage = coverageFromHistory(
    forecast,
    ours.map(({ row, agent }) => ({ agentId: agent.agentId, start: row.start, end: row.end, skillIds: row.skills.length > 0 ? row.skills.map((k) => k.skillId) : (skillsOf.get(agent.agentId) ?? []), breaks: row.breaks })),
  );
  say(`Contact history: ${history.length} intervals over ${new Set(history.map((h) => h.skillId)).size} skill(s); coverage measured here: ${coverage.length} skill-days.`);
  const gaps = gapsFromCoverage(coverage, f.thresholds);
  if (gaps.length === 0) say(`No coverage gaps (every skill-day at or above ${Math.round(f.thresholds.gapBelow * 100)} % coverage).`);
  else if (!v.json) printGaps(say, gaps, f.thresholds);

  // 5. No optimization API on the platform.
  say(`Optimization skipped: ${reason("runOptimization")}`);
  if (v.json) {
    io.out(
      JSON.stringify({
        profile: "platform",
        template: { path: out, rows: template.rows, warnings: template.warnings, publishState: template.publishState },
        comparison: { cxone: exported.shifts.length, same: cmp.same.length, onlyCxone: cmp.onlyCxone.length, onlyOurs: cmp.onlyOurs.length },
        gaps,
        result: null,
      }),
    );
  }
  return EXIT.OK;
}
