import type { OpenedDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/services/seed/demo";
import type { DemoData } from "@/lib/demo/generate";

/** The demo week every integration test uses: fixed, so expectations do not drift with the clock. */
export const DEMO_WEEK = "2026-11-23";

export async function openSeeded(open: () => Promise<OpenedDb>): Promise<{ opened: OpenedDb; demo: DemoData }> {
  const opened = await open();
  const demo = await seedDemo(opened.db, { weekStart: DEMO_WEEK });
  return { opened, demo };
}
