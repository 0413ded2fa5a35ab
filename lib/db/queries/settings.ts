import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../client";
import { appSettings } from "../schema";

/** Reads a setting through its schema; a missing or no-longer-valid value falls back to the default. */
export async function getSetting<S extends z.ZodType>(db: Db, key: string, schema: S, fallback: z.infer<S>): Promise<z.infer<S>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

export async function putSetting(db: Db, key: string, value: unknown, userId: string | null): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedBy: userId, updatedAt: new Date() } });
}
