"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { saveLines } from "../../services/bidding/save-lines";
import { importLinesCsv } from "../../services/bidding/import-lines-csv";

const period = z.object({ start: z.string(), end: z.string() });

/** A planner adds lines for a bid period, from the form or a CSV; any bad line or row stores nothing. */
export const saveBidLinesAction = capabilityAction(ACTION_CAPABILITY.saveBidLinesAction)
  .inputSchema(z.union([z.object({ period, lines: z.array(z.record(z.string(), z.unknown())).max(500) }), z.object({ period, csv: z.string().max(1_000_000, { error: "The CSV is over 1 MB." }) })]))
  .action(async ({ parsedInput, ctx }) => {
    const actor = { id: ctx.user.id, label: ctx.user.email };
    return "csv" in parsedInput ? importLinesCsv(ctx.db, parsedInput, actor, ctx.requestId) : saveLines(ctx.db, parsedInput, actor, ctx.requestId);
  });
