import { z } from "zod";

/** An admin lifts a sign-in lockout. */
export const unlockUserSchema = z.object({
  userId: z.uuid({ error: "Not a user id." }),
});

export type UnlockUser = z.infer<typeof unlockUserSchema>;
