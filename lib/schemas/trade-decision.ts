import { z } from "zod";
import { safeText } from "./text";

/** A supervisor's decision on one site of a pending trade; a rejection says why. */
export const tradeDecisionSchema = z
  .object({
    tradeId: z.uuid({ error: "Not a trade id." }),
    siteId: safeText().trim().min(1, { error: "Name the site you decide for." }).max(64),
    decision: z.enum(["approve", "reject"], { error: "Decide approve or reject." }),
    comment: safeText({ multiline: true }).trim().max(1000, { error: "Keep the comment under 1,000 characters." }).optional(),
  })
  .refine((d) => d.decision !== "reject" || (d.comment && d.comment.length > 0), {
    error: "Say why you reject the trade: the agents will read it.",
    path: ["comment"],
  });

export type TradeDecision = z.infer<typeof tradeDecisionSchema>;
