import "server-only";
import type { Db } from "../../db/client";
import { getScope } from "../../db/queries/bidding";
import { AppError } from "../../errors";
import type { AuditActor } from "../audit";
import { saveScope, type SavedScope } from "./save-scope";

/** Copies a scope (archived ones too) into a new draft named "… (copy)". */
export async function copyScope(db: Db, id: string, actor: AuditActor, requestId?: string): Promise<SavedScope> {
  const source = await getScope(db, id);
  if (!source) throw new AppError("NOT_FOUND", `No bid scope ${id}.`);
  const { id: _id, updatedAt: _u, eligibility, ...rest } = source;
  void _id;
  void _u;
  // The schema takes conditions in the form's shape (attributeValue / attributeValues).
  const conditions = eligibility.conditions.map((c) =>
    c.operator === "equals" ? { type: c.type, operator: c.operator, attributeName: c.attributeName, attributeValue: c.values[0] } : { type: c.type, operator: c.operator, attributeName: c.attributeName, attributeValues: c.values },
  );
  return saveScope(db, null, { ...rest, name: `${source.name} (copy)`.slice(0, 120), status: "draft", eligibility: { conditions, allowedZones: eligibility.allowedZones } }, actor, requestId);
}
