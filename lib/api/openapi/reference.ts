import { z } from "zod";
import { safeText } from "../../schemas/text";
import { defineOperation, pageOf, pageQuery } from "./define";

export const siteSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string().meta({ description: "IANA zone: the site's local days and clock times." }) });
export const skillSchema = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable().meta({ description: "An agent with this skill also serves its parent." }), equivalenceGroup: z.string().nullable() });
export const agentSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  homeSiteId: z.string(),
  timeZone: z.string(),
  skills: z.array(z.object({ skillId: z.string(), proficiency: z.number().int().min(1).max(5) })),
  hireDate: z.string().meta({ description: "YYYY-MM-DD" }),
  contractHoursPerWeek: z.number(),
});

export const listQuerySchema = z.strictObject({ ...pageQuery });
export const agentsQuerySchema = z.strictObject({ ...pageQuery, siteId: safeText().trim().min(1).max(64).optional().meta({ description: "Only agents whose home site this is." }) });

export const listSites = defineOperation({
  path: "/api/v1/sites",
  method: "GET",
  tag: "Reference",
  summary: "Sites",
  input: listQuerySchema,
  inputExample: { limit: 100 },
  response: { description: "A page of sites in id order.", schema: pageOf(siteSchema), example: { items: [{ id: "NYC", name: "New York", timeZone: "America/New_York" }], nextCursor: null } },
});

export const listSkills = defineOperation({
  path: "/api/v1/skills",
  method: "GET",
  tag: "Reference",
  summary: "Skills",
  input: listQuerySchema,
  inputExample: { limit: 100 },
  response: { description: "A page of skills in id order.", schema: pageOf(skillSchema), example: { items: [{ id: "SKILL_SALES", name: "Sales", parentId: null, equivalenceGroup: null }], nextCursor: null } },
});

export const listAgents = defineOperation({
  path: "/api/v1/agents",
  method: "GET",
  tag: "Reference",
  summary: "Agents",
  description: "A supervisor token sees the agents of its sites only; a site outside its scope is refused (403 SITE_FORBIDDEN).",
  input: agentsQuerySchema,
  inputExample: { limit: 2, siteId: "NYC" },
  response: {
    description: "A page of agents in id order.",
    schema: pageOf(agentSchema),
    example: {
      items: [{ id: "AGENT-1001", username: "agent1001", name: "Ava Reyes", homeSiteId: "NYC", timeZone: "America/New_York", skills: [{ skillId: "SKILL-EN-TECH-SUPPORT", proficiency: 4 }], hireDate: "2019-03-04", contractHoursPerWeek: 40 }],
      nextCursor: "eyJhIjoiYWdlbnQxMDAxIiwicSI6IjEyMzQ1Njc4OTBhYmNkZWYifQ",
    },
  },
});
