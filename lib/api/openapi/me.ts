import { z } from "zod";
import { defineOperation } from "./define";

export const meSchema = z.object({
  id: z.string(),
  email: z.string().meta({ description: "The user's email, or `api-token:NAME` for a service token." }),
  name: z.string(),
  role: z.enum(["planner", "supervisor", "admin", "agent"]),
  siteIds: z.array(z.string()).meta({ description: "A supervisor's sites; empty for roles that reach every site." }),
});

export const getMe = defineOperation({
  path: "/api/v1/me",
  method: "GET",
  tag: "Identity",
  summary: "Who the caller is",
  description: "The identity, role and sites the server sees for these credentials: the first call to make with a new token.",
  response: {
    description: "The caller.",
    schema: meSchema,
    example: { id: "0b6f3c1e-6a8d-4d55-9a53-3c1f2e9d7a10", email: "api-token:payroll-export", name: "payroll-export", role: "planner", siteIds: [] },
  },
});
