/**
 * One Postgres schema for the whole domain, shared by PGlite (embedded default) and
 * a Postgres server. Instants are `timestamptz` (UTC); zones are IANA names stored
 * beside the site or agent they belong to, never applied to stored values.
 *
 * Longer than our usual 400 lines on purpose: drizzle-kit reads one schema to generate
 * one chain of migrations, and the tables' foreign keys read best side by side.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AvailabilityWindow, LaborRules, ShiftBreak, SkillProficiency } from "../domain/types";
import type { BidConstraints, BidPriority, BidWindow, ScopeEligibility } from "../domain/bidding/types";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => instant("created_at").notNull().defaultNow();

export const roleEnum = pgEnum("role", ["planner", "supervisor", "admin", "agent"]);
export const shiftStatusEnum = pgEnum("shift_status", ["PUBLISHED", "DRAFT"]);
export const tradeKindEnum = pgEnum("trade_kind", ["swap", "oneSided"]);
export const tradeStatusEnum = pgEnum("trade_status", [
  "Unmatched",
  "Matched",
  "Approved",
  "Denied",
  "PendingReview",
  "Expired",
  "Canceled",
]);
export const policyEnum = pgEnum("trade_policy", ["Allow", "AdminReview", "Disallow"]);
export const decisionEnum = pgEnum("trade_decision", ["approve", "reject"]);
export const jobStatusEnum = pgEnum("job_status", ["queued", "running", "completed", "failed", "canceled"]);
export const importStatusEnum = pgEnum("import_status", ["validated", "committed", "rejected", "failed"]);

// ── People and places ────────────────────────────────────────────────────────

export const sites = pgTable("sites", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  laborRules: jsonb("labor_rules").$type<LaborRules>().notNull(),
  createdAt: createdAt(),
});

export const skills = pgTable(
  "skills",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    parentId: text("parent_id"),
    equivalenceGroup: text("equivalence_group"),
    createdAt: createdAt(),
  },
  (t) => [check("skills_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`)],
);

export const agents = pgTable(
  "agents",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    name: text("name").notNull(),
    homeSiteId: text("home_site_id")
      .notNull()
      .references(() => sites.id),
    timeZone: text("time_zone").notNull(),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    hireDate: date("hire_date", { mode: "string" }).notNull(),
    performanceRank: integer("performance_rank").notNull(),
    contractHoursPerWeek: doublePrecision("contract_hours_per_week").notNull(),
    availability: jsonb("availability").$type<AvailabilityWindow[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("agents_username_key").on(t.username), index("agents_home_site_idx").on(t.homeSiteId)],
);

export const agentSkills = pgTable(
  "agent_skills",
  {
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    skillId: text("skill_id")
      .notNull()
      .references(() => skills.id),
    proficiency: integer("proficiency").notNull().default(3),
  },
  (t) => [
    primaryKey({ columns: [t.agentId, t.skillId] }),
    check("agent_skills_proficiency_range", sql`${t.proficiency} between 1 and 5`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: instant("locked_until"),
    lastLoginAt: instant("last_login_at"),
    /** The agent an `agent` user is: they bid, trade and read the schedule as this agent only. */
    agentId: text("agent_id").references(() => agents.id),
    /**
     * Sessions carry the version they were issued at; bumping it (sign-out, lockout, and
     * by trigger on a role or site-scope change) ends every session issued before.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), uniqueIndex("users_agent_key").on(t.agentId)],
);

/** The sites a supervisor reviews trades for (admins and planners are not site-scoped). */
export const userSiteScopes = pgTable(
  "user_site_scopes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);

// ── Schedule and demand ──────────────────────────────────────────────────────

export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["shifts", "demand"] }).notNull(),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    fileBytes: integer("file_bytes").notNull(),
    format: text("format").notNull(),
    status: importStatusEnum("status").notNull(),
    dryRun: boolean("dry_run").notNull().default(false),
    totalRows: integer("total_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    failedRows: integer("failed_rows").notNull().default(0),
    replacedRows: integer("replaced_rows").notNull().default(0),
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    /** CXone push: processed/failed per batch, when the cxone backend is on. */
    cxoneResult: jsonb("cxone_result").$type<Record<string, unknown>>(),
    userId: uuid("user_id").references(() => users.id),
    /** Set when a planner undid the import: its shifts removed, the ones it replaced restored. */
    undoneAt: instant("undone_at"),
    createdAt: createdAt(),
  },
  (t) => [index("imports_created_idx").on(t.createdAt)],
);

export const importRowErrors = pgTable(
  "import_row_errors",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    column: text("column"),
    value: text("value"),
    code: text("code").notNull(),
    message: text("message").notNull(),
  },
  (t) => [index("import_row_errors_import_idx").on(t.importId, t.row)],
);

/** Column mappings a planner chose for an unknown header set, remembered by header key. */
export const columnMappings = pgTable("column_mappings", {
  headerKey: text("header_key").primaryKey(),
  mapping: jsonb("mapping").$type<Record<string, string>>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const shifts = pgTable(
  "shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id),
    /** Where the shift is worked: its supervisors review trades of it. */
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    status: shiftStatusEnum("status").notNull(),
    skills: jsonb("skills").$type<SkillProficiency[]>().notNull().default([]),
    breaks: jsonb("breaks").$type<ShiftBreak[]>().notNull().default([]),
    notes: text("notes"),
    /** Optimistic concurrency: every change bumps it; writers check it. */
    version: integer("version").notNull().default(1),
    importId: uuid("import_id").references(() => imports.id),
    /** When the shift was last published (status set to PUBLISHED by a publish). */
    publishedAt: instant("published_at"),
    /** A published shift edited since: the agents have not seen the change yet. Cleared on publish. */
    changedSincePublish: boolean("changed_since_publish").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // Re-importing the same file must not duplicate a shift; its (agent, start) prefix also
    // serves "this agent's shifts in a window", so no separate index for that.
    uniqueIndex("shifts_agent_start_end_key").on(t.agentId, t.startsAt, t.endsAt),
    index("shifts_site_start_idx").on(t.siteId, t.startsAt),
    index("shifts_start_idx").on(t.startsAt),
    check("shifts_end_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * The stored shifts an import replaced (overwriteConflicts), each row as it was, so undoing
 * the import can put them back exactly (same id, version, status, breaks and notes).
 */
export const importReplacements = pgTable(
  "import_replacements",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    shiftId: uuid("shift_id").notNull(),
    /** The whole `shifts` row as `to_jsonb` gave it (snake_case columns). */
    shift: jsonb("shift").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.shiftId] })],
);

/**
 * Required agents per skill per 15-minute interval, uploaded or derived from a forecast.
 * `site_id` null: a queue shared by every site; a site: that site's own demand for the
 * skill (DOMAIN.md, "Site view"). One row per skill, site (or none) and interval.
 */
export const demand = pgTable(
  "demand",
  {
    skillId: text("skill_id")
      .notNull()
      .references(() => skills.id),
    siteId: text("site_id").references(() => sites.id),
    intervalStart: instant("interval_start").notNull(),
    requiredAgents: doublePrecision("required_agents").notNull(),
    offeredContacts: doublePrecision("offered_contacts"),
    ahtSeconds: doublePrecision("aht_seconds"),
  },
  (t) => [
    // NULLS NOT DISTINCT: one shared row per skill and interval, as the old primary key held.
    unique("demand_skill_site_interval_uq").on(t.skillId, t.siteId, t.intervalStart).nullsNotDistinct(),
    index("demand_interval_idx").on(t.intervalStart),
    check("demand_required_non_negative", sql`${t.requiredAgents} >= 0`),
  ],
);

export const staffingSettings = pgTable("staffing_settings", {
  skillId: text("skill_id")
    .primaryKey()
    .references(() => skills.id),
  serviceLevelTarget: doublePrecision("service_level_target").notNull().default(0.8),
  serviceLevelSeconds: integer("service_level_seconds").notNull().default(20),
  maxOccupancy: doublePrecision("max_occupancy").notNull().default(0.85),
  shrinkage: doublePrecision("shrinkage").notNull().default(0.3),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/** Key/value settings (gap thresholds, ...), validated by their zod schema on read and write. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

// ── Trades ───────────────────────────────────────────────────────────────────

/** Trading settings: one row for the org default (scope 'org') and one per site that overrides it. */
export const tradingSettings = pgTable("trading_settings", {
  scope: text("scope").primaryKey(),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const tradeRequests = pgTable(
  "trade_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: tradeKindEnum("kind").notNull(),
    status: tradeStatusEnum("status").notNull(),
    initiatorAgentId: text("initiator_agent_id")
      .notNull()
      .references(() => agents.id),
    initiatorShiftId: uuid("initiator_shift_id")
      .notNull()
      .references(() => shifts.id),
    initiatorShiftVersion: integer("initiator_shift_version").notNull(),
    receiverAgentId: text("receiver_agent_id")
      .notNull()
      .references(() => agents.id),
    receiverShiftId: uuid("receiver_shift_id").references(() => shifts.id),
    receiverShiftVersion: integer("receiver_shift_version"),
    /** Sites whose supervisors must each decide (where each moving shift is worked). */
    reviewSiteIds: jsonb("review_site_ids").$type<string[]>().notNull().default([]),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: instant("expires_at"),
    decidedAt: instant("decided_at"),
    /** Bumped on every state change so two decisions cannot both win. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("trade_requests_status_idx").on(t.status, t.createdAt),
    // Deleting shifts checks these foreign keys row by row: without an index, undoing a
    // 100,000-row import scanned the trades once per shift.
    index("trade_requests_initiator_shift_idx").on(t.initiatorShiftId),
    index("trade_requests_receiver_shift_idx").on(t.receiverShiftId),
    check("trade_requests_two_agents", sql`${t.initiatorAgentId} <> ${t.receiverAgentId}`),
  ],
);

export const tradeViolations = pgTable(
  "trade_violations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tradeId: uuid("trade_id")
      .notNull()
      .references(() => tradeRequests.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    policy: policyEnum("policy").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    message: text("message").notNull(),
    shiftId: uuid("shift_id"),
    agentId: text("agent_id"),
    evaluatedAt: instant("evaluated_at").notNull().defaultNow(),
  },
  (t) => [index("trade_violations_trade_idx").on(t.tradeId)],
);

export const tradeDecisions = pgTable(
  "trade_decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tradeId: uuid("trade_id")
      .notNull()
      .references(() => tradeRequests.id, { onDelete: "cascade" }),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
    userId: uuid("user_id").references(() => users.id),
    decision: decisionEnum("decision").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  // One decision per site per trade: the database refuses a second one.
  (t) => [uniqueIndex("trade_decisions_trade_site_key").on(t.tradeId, t.siteId)],
);

// ── Bidding ──────────────────────────────────────────────────────────────────
// The engine's shapes (lib/domain/bidding/types.ts) are stored as they are: scalar fields the
// queries filter on are columns, the nested rule objects are jsonb validated on the way in by
// lib/schemas/bidding.ts.

export const bidScopeStatusEnum = pgEnum("bid_scope_status", ["draft", "open", "closed", "archived"]);
export const awardViaEnum = pgEnum("award_via", ["priority", "lock", "manual"]);

export const bidScopes = pgTable(
  "bid_scopes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    status: bidScopeStatusEnum("status").notNull().default("draft"),
    locations: jsonb("locations").$type<string[]>().notNull(),
    skillGroups: jsonb("skill_groups").$type<string[]>().notNull(),
    bidderSites: jsonb("bidder_sites").$type<string[]>().notNull(),
    users: jsonb("users").$type<string[] | null>(),
    eligibility: jsonb("eligibility").$type<ScopeEligibility>().notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** Offsets from the period's first local midnight, or local date-times, in a named zone. */
    window: jsonb("window").$type<BidWindow>().notNull(),
    constraints: jsonb("constraints").$type<BidConstraints>().notNull(),
    /** Tiers, tie-breaks and the stored seed of the random draw. */
    priority: jsonb("priority").$type<BidPriority>().notNull(),
    wave: integer("wave").notNull().default(1),
    lockDurationHours: doublePrecision("lock_duration_hours").notNull().default(24),
    autoRelease: boolean("auto_release").notNull().default(true),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("bid_scopes_period_idx").on(t.periodStart, t.periodEnd), check("bid_scopes_period_order", sql`${t.periodEnd} >= ${t.periodStart}`)],
);

/**
 * A biddable weekly pattern with slots, offered for one bid period. Lines are not owned by a
 * scope: a scope reaches a line by its site and skill (see the engine's README).
 */
export const bidLines = pgTable(
  "bid_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
    skillId: text("skill_id")
      .notNull()
      .references(() => skills.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** ISO weekdays, 1 = Monday. */
    days: jsonb("days").$type<number[]>().notNull(),
    /** "HH:MM" on the site's wall clock. */
    startLocal: text("start_local").notNull(),
    endLocal: text("end_local").notNull(),
    slots: integer("slots").notNull(),
    breaks: jsonb("breaks").$type<ShiftBreak[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("bid_lines_period_idx").on(t.periodStart, t.siteId), check("bid_lines_slots_positive", sql`${t.slots} >= 1`)],
);

/** One bid per agent per scope: the ranked lines; submitted_at null while a draft. */
export const bids = pgTable(
  "bids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scopeId: uuid("scope_id")
      .notNull()
      .references(() => bidScopes.id, { onDelete: "cascade" }),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id),
    /** [{lineId, rank}], ranks 1..n, each line once. */
    preferences: jsonb("preferences").$type<{ lineId: string; rank: number }[]>().notNull().default([]),
    submittedAt: instant("submitted_at"),
    enteredBy: uuid("entered_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bids_scope_agent_key").on(t.scopeId, t.agentId), index("bids_agent_idx").on(t.agentId)],
);

/** A lock reserves one slot of a line for an agent until committed, expired or released. One per agent per scope. */
export const bidLocks = pgTable(
  "bid_locks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scopeId: uuid("scope_id")
      .notNull()
      .references(() => bidScopes.id, { onDelete: "cascade" }),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => bidLines.id, { onDelete: "cascade" }),
    lockedAt: instant("locked_at").notNull(),
    /** When it stops holding (lock duration, capped at the window's close); shown to the agent. */
    expiresAt: instant("expires_at").notNull(),
    committedAt: instant("committed_at"),
    /** Set when an admin force-released it. */
    releasedAt: instant("released_at"),
  },
  (t) => [uniqueIndex("bid_locks_scope_agent_key").on(t.scopeId, t.agentId), index("bid_locks_line_idx").on(t.lineId)],
);

/** The award run's result per agent and scope: the explanation of what they got and why. */
export const bidOutcomes = pgTable(
  "bid_outcomes",
  {
    scopeId: uuid("scope_id")
      .notNull()
      .references(() => bidScopes.id, { onDelete: "cascade" }),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id),
    jobId: uuid("job_id").references(() => jobs.id),
    position: integer("position"),
    tier: integer("tier").notNull(),
    /** Per preference: {lineId, rank, reason}. */
    preferences: jsonb("preferences").$type<Record<string, unknown>[]>().notNull(),
    lock: jsonb("lock").$type<Record<string, unknown> | null>(),
    explanation: text("explanation").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.agentId] })],
);

/** Who won which line: from the award run (priority or lock) or set by hand (manual, audited). */
export const awards = pgTable(
  "awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scopeId: uuid("scope_id")
      .notNull()
      .references(() => bidScopes.id, { onDelete: "cascade" }),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => bidLines.id, { onDelete: "cascade" }),
    wave: integer("wave").notNull(),
    via: awardViaEnum("via").notNull(),
    /** In words: why (the run's explanation, or the admin's reason for a manual award). */
    reason: text("reason").notNull(),
    jobId: uuid("job_id").references(() => jobs.id),
    adjustedBy: uuid("adjusted_by").references(() => users.id),
    publishedAt: instant("published_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("awards_scope_agent_line_key").on(t.scopeId, t.agentId, t.lineId), index("awards_agent_idx").on(t.agentId)],
);

/**
 * One row: a counter of changes to what coverage is computed from (shifts, demand, agents,
 * their skills, skills, sites, settings). Bumped by database triggers at commit, whoever
 * writes, so a coverage answer cached under a revision is never served after a change.
 */
export const scheduleRevision = pgTable(
  "schedule_revision",
  {
    id: integer("id").primaryKey().default(1),
    revision: bigint("revision", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("schedule_revision_one_row", sql`${t.id} = 1`)],
);

// ── Jobs, integrations, audit ────────────────────────────────────────────────

/** The job queue: claimed with FOR UPDATE SKIP LOCKED, works on PGlite and Postgres. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    progress: doublePrecision("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    runAfter: instant("run_after").notNull().defaultNow(),
    lockedAt: instant("locked_at"),
    lockedBy: text("locked_by"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("jobs_claim_idx").on(t.status, t.runAfter)],
);

export const cxoneConnections = pgTable("cxone_connections", {
  id: text("id").primaryKey(),
  region: text("region").notNull(),
  baseUrl: text("base_url").notNull(),
  clientId: text("client_id").notNull(),
  /** AES-256-GCM, never sent back to the browser. */
  clientSecretEncrypted: text("client_secret_encrypted").notNull(),
  /** "seed" (the WFM API contract: region/baseUrl + client credentials) or "platform" (NICE's documented APIs). */
  profile: text("profile").notNull().default("seed"),
  /** Platform: discovery from the tenant id, or a manual API host (exactly one). */
  tenantId: text("tenant_id"),
  apiHost: text("api_host"),
  accessKeyId: text("access_key_id"),
  /** AES-256-GCM like the client secret (which, on the platform, is the registered app's). */
  accessKeySecretEncrypted: text("access_key_secret_encrypted"),
  lastTestAt: instant("last_test_at"),
  lastTestResult: jsonb("last_test_result").$type<Record<string, unknown>>(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/**
 * Historical contacts per skill and 15-minute interval pulled from CXone (the platform's
 * WFM data): the history a forecast reads, and demand input through Erlang C.
 */
export const contactHistory = pgTable(
  "contact_history",
  {
    skillId: text("skill_id").notNull(),
    intervalStart: instant("interval_start").notNull(),
    contacts: doublePrecision("contacts").notNull(),
    ahtSeconds: doublePrecision("aht_seconds").notNull(),
    pulledAt: instant("pulled_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.skillId, t.intervalStart] }),
    check("contact_history_non_negative", sql`${t.contacts} >= 0 and ${t.ahtSeconds} >= 0`),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_at_idx").on(t.at)],
);

// ── Integration API ──────────────────────────────────────────────────────────

/**
 * Service tokens for the integration API. Only the SHA-256 of the token is stored (the
 * token is 256 random bits, so a fast hash is enough: nothing to brute-force); the
 * prefix is what the list shows to tell tokens apart. Each token acts through its own
 * service user (never able to sign in), so every row a request writes names a real user.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    siteIds: text("site_ids").array().notNull().default(sql`'{}'::text[]`),
    tokenHash: text("token_hash").notNull(),
    tokenPrefix: text("token_prefix").notNull(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    expiresAt: instant("expires_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    // Compared as text: on a fresh database every migration runs in one transaction, and
    // Postgres refuses an enum value ('agent') added earlier in the same transaction.
    check("api_tokens_role_not_agent", sql`${t.role}::text <> 'agent'`),
    check("api_tokens_supervisor_has_sites", sql`${t.role}::text <> 'supervisor' or cardinality(${t.siteIds}) > 0`),
  ],
);

/**
 * Idempotency keys of the API's creating POSTs: the first answer is kept for 24 hours so a
 * retried request gets it again instead of creating twice. Keyed by the caller (token or
 * user), the route and the key; the body's hash tells a replay from a different request.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    callerId: text("caller_id").notNull(),
    route: text("route").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    body: text("body"),
    contentType: text("content_type"),
    /** The first answer's ETag (a created shift's version), replayed with it. */
    etag: text("etag"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.callerId, t.route, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

// ── Webhooks ─────────────────────────────────────────────────────────────────

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

/**
 * Endpoints an admin registered for outgoing events. The signing secret is needed in the
 * clear to sign each delivery, so it is kept like the CXone secrets: AES-256-GCM under
 * CXONE_SECRET_KEY, bound to the endpoint's id (lib/services/webhooks/README.md).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    /** AES-256-GCM, never sent back to the browser after creation. */
    secretEncrypted: text("secret_encrypted").notNull(),
    /** The first characters of the secret, to tell endpoints' secrets apart. */
    secretPrefix: text("secret_prefix").notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check("webhook_endpoints_has_events", sql`cardinality(${t.events}) > 0`)],
);

/** One row per event per endpoint: the outbox and the delivery log at once. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    lastAttemptAt: instant("last_attempt_at"),
    nextAttemptAt: instant("next_attempt_at"),
    deliveredAt: instant("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt)],
);
