import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import { insertAudit } from "../db/queries/audit";
import { AppError } from "../errors";

export interface AuditActor {
  id: string | null;
  /** "System" for the engines, the user's email otherwise. */
  label: string;
}

const violationBrief = z.object({ type: z.string(), policy: z.string(), message: z.string() });
const tradeOutcome = z.enum(["Approved", "Denied", "PendingReview"]);
const shiftSnapshot = z.object({
  agentId: z.string(),
  siteId: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(["PUBLISHED", "DRAFT"]),
  skills: z.array(z.object({ skillId: z.string(), proficiency: z.number() })),
  breaks: z.array(z.object({ startOffsetMinutes: z.number(), durationMinutes: z.number(), paid: z.boolean() })),
});

/**
 * Every event the audit log records, one shape per action: a new action is added here
 * first, so the log can be read back by action without guessing what its details hold.
 */
export const auditEventSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("trading.settings.saved"),
    entityType: z.literal("trading_settings"),
    entityId: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
  z.object({
    action: z.literal(["trade.requested.Approved", "trade.requested.Denied", "trade.requested.PendingReview"]),
    entityType: z.literal("trade"),
    entityId: z.string(),
    details: z.object({ request: z.record(z.string(), z.unknown()), outcome: tradeOutcome, decidedBy: z.literal("System").nullable(), violations: z.array(violationBrief) }),
  }),
  z.object({
    action: z.literal(["trade.decision.approve", "trade.decision.reject"]),
    entityType: z.literal("trade"),
    entityId: z.string(),
    details: z.object({ siteId: z.string(), comment: z.string().nullable(), outcome: tradeOutcome, violations: z.array(violationBrief) }),
  }),
  z.object({ action: z.literal("trade.expired"), entityType: z.literal("trade"), entityId: z.string(), details: z.object({}) }),
  // An agent withdraws their own open request; `from` is the state it left.
  z.object({ action: z.literal("trade.canceled"), entityType: z.literal("trade"), entityId: z.string(), details: z.object({ agentId: z.string(), from: z.string() }) }),
  z.object({
    action: z.literal(["import.shifts.validated", "import.shifts.committed", "import.shifts.rejected"]),
    entityType: z.literal("import"),
    entityId: z.string(),
    details: z.object({ fileName: z.string(), rows: z.number(), imported: z.number(), replaced: z.number(), errors: z.number() }),
  }),
  z.object({
    action: z.literal(["import.demand.validated", "import.demand.committed", "import.demand.rejected"]),
    entityType: z.literal("import"),
    entityId: z.string(),
    details: z.object({ fileName: z.string(), kind: z.enum(["forecast", "required"]), rows: z.number(), errors: z.number(), unreachable: z.number() }),
  }),
  z.object({
    action: z.literal("cxone.connection.saved"),
    entityType: z.literal("cxone_connection"),
    entityId: z.string(),
    details: z.object({
      region: z.string(),
      baseUrl: z.string().nullable(),
      clientId: z.string(),
      secretChanged: z.boolean(),
      profile: z.enum(["seed", "platform"]).optional(),
      tenantId: z.string().nullable().optional(),
      apiHost: z.string().nullable().optional(),
      accessKeyId: z.string().optional(),
    }),
  }),
  z.object({
    action: z.literal("cxone.history.pulled"),
    entityType: z.literal("contact_history"),
    entityId: z.string(),
    details: z.object({ startDate: z.string(), endDate: z.string(), intervals: z.number(), skills: z.array(z.string()) }),
  }),
  z.object({
    action: z.literal("cxone.reference.synced"),
    entityType: z.literal("reference"),
    entityId: z.string(),
    details: z.object({
      skillsAdded: z.number(),
      skillsRenamed: z.number(),
      agentsAdded: z.number(),
      agentsChanged: z.number(),
      skillIdsAdded: z.array(z.string()),
      agentIdsAdded: z.array(z.string()),
      agentChanges: z.array(z.object({ agentId: z.string(), changes: z.array(z.string()) })),
      newAgentSiteId: z.string().nullable(),
    }),
  }),
  z.object({
    action: z.literal("cxone.template.exported"),
    entityType: z.literal("shifts"),
    entityId: z.string(),
    details: z.object({ from: z.string(), to: z.string(), siteId: z.string().nullable(), rows: z.number(), fieldsChanged: z.number(), pushedBy: z.enum(["file", "import-endpoint"]) }),
  }),
  z.object({ action: z.literal("cxone.connection.tested"), entityType: z.literal("cxone_connection"), entityId: z.string(), details: z.object({ ok: z.boolean() }) }),
  z.object({ action: z.literal("optimization.launched"), entityType: z.literal("job"), entityId: z.string(), details: z.record(z.string(), z.unknown()) }),
  z.object({ action: z.literal("optimization.cancelled"), entityType: z.literal("job"), entityId: z.string(), details: z.object({ status: z.string() }) }),
  z.object({
    action: z.literal("optimization.proposals.accepted"),
    entityType: z.literal("job"),
    entityId: z.string(),
    details: z.object({
      created: z.array(z.object({ proposalId: z.string(), shiftId: z.string() })),
      extended: z.array(z.object({ proposalId: z.string(), shiftId: z.string(), version: z.number() })),
      refused: z.array(z.object({ proposalId: z.string(), reason: z.string() })),
    }),
  }),
  // A site's capacity plan shift types replaced: the list as saved and how many it replaced.
  z.object({
    action: z.literal("optimization.shiftTypes.saved"),
    entityType: z.literal("setting"),
    entityId: z.string(),
    details: z.object({
      siteId: z.string(),
      shiftTypes: z.array(z.object({ id: z.string(), start: z.string(), lengthHours: z.number(), cost: z.number(), maxCount: z.number().nullable() })),
      replaced: z.number(),
    }),
  }),
  z.object({
    action: z.literal("demo.seeded"),
    entityType: z.literal("system"),
    entityId: z.null().default(null),
    details: z.object({ weekStart: z.string(), agents: z.number(), shifts: z.number(), demand: z.number() }),
  }),
  z.object({
    action: z.literal("shift.edited"),
    entityType: z.literal("shift"),
    entityId: z.string(),
    details: z.object({ reason: z.string(), skills: z.array(z.unknown()).optional(), endsAt: z.string().optional(), breaks: z.array(z.unknown()).optional() }),
  }),
  // The schedule editor: a shift as it was and as it became (ISO instants), and what was confirmed.
  z.object({
    action: z.literal("shift.created"),
    entityType: z.literal("shift"),
    entityId: z.string(),
    details: z.object({ after: shiftSnapshot, confirmedWarnings: z.array(z.string()) }),
  }),
  z.object({
    action: z.literal("shift.updated"),
    entityType: z.literal("shift"),
    entityId: z.string(),
    details: z.object({ before: shiftSnapshot, after: shiftSnapshot, confirmedWarnings: z.array(z.string()) }),
  }),
  z.object({ action: z.literal("shift.deleted"), entityType: z.literal("shift"), entityId: z.string(), details: z.object({ before: shiftSnapshot }) }),
  z.object({
    action: z.literal("schedule.published"),
    entityType: z.literal("schedule"),
    entityId: z.string(),
    details: z.object({
      shifts: z.number(),
      agents: z.number(),
      paidHours: z.number(),
      selection: z.record(z.string(), z.unknown()),
      /** Named when there are at most 10,000 (a shift's history finds its publish by them). */
      shiftIds: z.array(z.string()).optional(),
      backend: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.object({ action: z.literal("import.undone"), entityType: z.literal("import"), entityId: z.string(), details: z.object({ removed: z.number(), restored: z.number(), fileName: z.string() }) }),
  z.object({
    action: z.literal("user.unlocked"),
    entityType: z.literal("user"),
    entityId: z.string(),
    details: z.object({ email: z.string(), lockedUntil: z.string().nullable(), failedLogins: z.number() }),
  }),
  z.object({ action: z.literal("user.locked"), entityType: z.literal("user"), entityId: z.string(), details: z.object({ email: z.string(), lockedUntil: z.string() }) }),
  z.object({
    action: z.literal("settings.gapThresholds.saved"),
    entityType: z.literal("setting"),
    entityId: z.literal("gapThresholds"),
    details: z.object({ gapBelow: z.number(), highBelow: z.number(), windowMinShortfall: z.number() }),
  }),
  // Bidding: scopes, lines, bids, locks and award runs. Their details are the engine's own
  // shapes (scope, preferences, counts), recorded as given.
  z.object({
    action: z.literal(["bid_scope.created", "bid_scope.updated", "bid_scope.archived", "bid_scope.window_opened", "bid.imported"]),
    entityType: z.literal("bid_scope"),
    entityId: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
  z.object({ action: z.literal(["bid_line.created", "bid_line.imported"]), entityType: z.literal("bid_line"), entityId: z.string(), details: z.record(z.string(), z.unknown()) }),
  z.object({
    action: z.literal(["bid.saved", "bid.submitted", "bid_lock.taken", "bid_lock.committed"]),
    entityType: z.literal("bid"),
    entityId: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
  z.object({ action: z.literal(["bid_award.launched", "bid_award.completed"]), entityType: z.literal("job"), entityId: z.string(), details: z.record(z.string(), z.unknown()) }),
  z.object({ action: z.literal("bid_award.published"), entityType: z.literal("bid_period"), entityId: z.string(), details: z.record(z.string(), z.unknown()) }),
  z.object({ action: z.literal(["award.added", "award.removed"]), entityType: z.literal("award"), entityId: z.string(), details: z.record(z.string(), z.unknown()) }),
  z.object({
    action: z.literal("api_token.created"),
    entityType: z.literal("api_token"),
    entityId: z.string(),
    details: z.object({ name: z.string(), role: z.enum(["planner", "supervisor", "admin"]), siteIds: z.array(z.string()), prefix: z.string(), expiresAt: z.string().nullable(), via: z.enum(["settings", "shell"]) }),
  }),
  z.object({ action: z.literal("api_token.revoked"), entityType: z.literal("api_token"), entityId: z.string(), details: z.object({ name: z.string(), prefix: z.string() }) }),
  // Webhooks: the URL and events, never the signing secret (only its first characters).
  z.object({
    action: z.literal("webhook.created"),
    entityType: z.literal("webhook_endpoint"),
    entityId: z.string(),
    details: z.object({ url: z.string(), events: z.array(z.string()), secretPrefix: z.string() }),
  }),
  z.object({
    action: z.literal(["webhook.disabled", "webhook.enabled", "webhook.deleted"]),
    entityType: z.literal("webhook_endpoint"),
    entityId: z.string(),
    details: z.object({ url: z.string() }),
  }),
  z.object({
    action: z.literal(["webhook.tested", "webhook.redelivered"]),
    entityType: z.literal("webhook_endpoint"),
    entityId: z.string(),
    details: z.object({ url: z.string(), deliveryId: z.string(), eventType: z.string() }),
  }),
  z.object({
    action: z.literal("settings.staffing.saved"),
    entityType: z.literal("skill"),
    entityId: z.string(),
    details: z.object({ serviceLevelTarget: z.number(), serviceLevelSeconds: z.number(), maxOccupancy: z.number(), shrinkage: z.number() }),
  }),
]);

export type AuditEvent = z.input<typeof auditEventSchema>;
export type AuditAction = AuditEvent["action"];

/**
 * Appends an event to the audit log (append-only at the database level). Pass the
 * transaction when inside one. An event that does not match its action's shape is a bug
 * and fails the write (and so the transaction it belongs to) rather than log something
 * nobody can read back.
 */
export async function recordAudit(db: Db, actor: AuditActor, event: AuditEvent, requestId?: string | null): Promise<void> {
  const parsed = auditEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new AppError("INTERNAL", undefined, { audit: event.action, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  }
  const e = parsed.data;
  await insertAudit(db, {
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    // JSON round trip: what is stored is what a reader gets back (no Dates, no undefined).
    details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown>,
    requestId: requestId ?? null,
  });
}
