import { z } from "zod";
import { defineOperation, instant } from "./define";

const finding = z.looseObject({ severity: z.string(), code: z.string(), scopeId: z.string(), otherScopeIds: z.array(z.string()), message: z.string(), fields: z.array(z.string()) });
export const scopeIdParam = z.uuid();

/** A scope as the API takes it: validated field by field by the bidding service (bidScopeSchema), every message naming its field. */
export const scopeBodySchema = z.record(z.string(), z.unknown()).meta({ description: "A bid scope: name, locations, skillGroups, period {start, end}, window, constraints, priority, wave… (see the Bidding page's form)." });

export const linesBodySchema = z.strictObject({
  period: z.strictObject({ start: z.string(), end: z.string() }),
  lines: z.array(z.record(z.string(), z.unknown())).max(500).meta({ description: "Each: label, siteId, skillId, days (1 = Monday … 7), start, end (HH:MM), slots, breaks." }),
});

export const bidBodySchema = z.strictObject({
  scopeId: z.uuid({ error: "scopeId: not a scope id." }),
  agentId: z.string().min(1),
  preferences: z.array(z.strictObject({ lineId: z.string(), rank: z.number().int() })).max(500),
  submit: z.boolean().default(true),
});

export const exportQuerySchema = z.object({ start: z.string(), end: z.string() });

const scopeExample = {
  name: "NYC sales, Q1",
  locations: ["NYC"],
  skillGroups: ["SKILL_SALES"],
  period: { start: "2027-01-04", end: "2027-03-28" },
  window: { kind: "dates", opensAt: "2026-12-01T09:00", closesAt: "2026-12-08T17:00", timeZone: "America/New_York" },
  priority: { basis: "tenure", hiredOnOrBefore: ["2020-01-01"], seed: 42 },
};

export const listScopes = defineOperation({
  path: "/api/v1/bidding/scopes",
  method: "GET",
  tag: "Bidding",
  summary: "Bid scopes with their windows and linter findings",
  response: { description: "The scopes (a supervisor: their sites').", schema: z.object({ scopes: z.array(z.looseObject({ id: z.string(), name: z.string(), opensAt: instant(), closesAt: instant() })) }), example: { scopes: [] } },
});

export const createScope = defineOperation({
  path: "/api/v1/bidding/scopes",
  method: "POST",
  tag: "Bidding",
  summary: "Create a draft bid scope",
  input: scopeBodySchema,
  inputExample: scopeExample,
  idempotent: true,
  response: { description: "The new scope's id and the linter's findings.", schema: z.object({ id: z.string(), findings: z.array(finding) }), example: { id: "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6", findings: [] } },
});

export const getScope = defineOperation({
  path: "/api/v1/bidding/scopes/[id]",
  method: "GET",
  tag: "Bidding",
  summary: "One bid scope",
  pathParams: { id: scopeIdParam },
  response: { description: "The scope with its findings.", schema: z.looseObject({ id: z.string(), name: z.string(), opensAt: instant(), closesAt: instant() }), example: { id: "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6", name: "NYC sales, Q1", opensAt: "2026-12-01T14:00:00.000Z", closesAt: "2026-12-08T22:00:00.000Z" } },
});

export const updateScope = defineOperation({
  path: "/api/v1/bidding/scopes/[id]",
  method: "PUT",
  tag: "Bidding",
  summary: "Replace a bid scope's definition",
  pathParams: { id: scopeIdParam },
  input: scopeBodySchema,
  inputExample: scopeExample,
  response: { description: "The scope's id and the linter's findings after the save.", schema: z.object({ id: z.string(), findings: z.array(finding) }), example: { id: "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6", findings: [] } },
});

export const lintScope = defineOperation({
  path: "/api/v1/bidding/scopes/[id]/lint",
  method: "GET",
  tag: "Bidding",
  summary: "The linter's findings for one scope",
  description: "Errors block opening the scope's window.",
  pathParams: { id: scopeIdParam },
  response: { description: "The findings.", schema: z.object({ findings: z.array(finding) }), example: { findings: [] } },
});

export const listLines = defineOperation({
  path: "/api/v1/bidding/lines",
  method: "GET",
  tag: "Bidding",
  summary: "Biddable lines",
  response: { description: "The lines (a supervisor: their sites').", schema: z.object({ lines: z.array(z.looseObject({ id: z.string() })) }), example: { lines: [] } },
});

export const createLines = defineOperation({
  path: "/api/v1/bidding/lines",
  method: "POST",
  tag: "Bidding",
  summary: "Add lines for a bid period",
  description: "Any bad line stores nothing; each error names the line's index and field.",
  input: linesBodySchema,
  inputExample: { period: { start: "2027-01-04", end: "2027-03-28" }, lines: [{ label: "Mon–Fri 09:00", siteId: "NYC", skillId: "SKILL_SALES", days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", slots: 4 }] },
  idempotent: true,
  response: { description: "The new lines' ids.", schema: z.object({ ids: z.array(z.string()) }), example: { ids: ["2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"] } },
});

export const listBids = defineOperation({
  path: "/api/v1/bidding/bids",
  method: "GET",
  tag: "Bidding",
  summary: "Bids",
  response: { description: "The bids (a supervisor: of their sites' scopes).", schema: z.object({ bids: z.array(z.looseObject({ agentId: z.string(), scopeId: z.string(), submittedAt: instant().nullable(), lockExpiresAt: instant().nullable() })) }), example: { bids: [] } },
});

export const enterBid = defineOperation({
  path: "/api/v1/bidding/bids",
  method: "POST",
  tag: "Bidding",
  summary: "Enter an agent's bid on their behalf",
  input: bidBodySchema,
  inputExample: { scopeId: "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6", agentId: "AGENT-1001", preferences: [{ lineId: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", rank: 1 }], submit: true },
  idempotent: true,
  response: { description: "When the bid was submitted (null: saved, not submitted).", schema: z.object({ submittedAt: instant().nullable() }), example: { submittedAt: "2026-12-02T15:20:00.000Z" } },
});

export const listAwards = defineOperation({
  path: "/api/v1/bidding/awards",
  method: "GET",
  tag: "Bidding",
  summary: "Awards and every bidder's outcome",
  response: { description: "Awards and outcomes with their explanations.", schema: z.object({ awards: z.array(z.looseObject({})), outcomes: z.array(z.looseObject({ scopeId: z.string(), agentId: z.string() })) }), example: { awards: [], outcomes: [] } },
});

export const exportAwards = defineOperation({
  path: "/api/v1/bidding/awards/export",
  method: "GET",
  tag: "Bidding",
  summary: "A period's awards as CXone's schedule import CSV",
  input: exportQuerySchema,
  inputExample: { start: "2027-01-04", end: "2027-03-28" },
  response: { description: "The CSV.", schema: undefined, contentType: "text/csv", example: "AgentId,Date,StartTime,EndTime,Activity\n" },
});
