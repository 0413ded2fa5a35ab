import { isAppError, type AppError } from "@/lib/errors";

/** The AppError a use case refuses with (anything else is rethrown; no refusal fails the test). */
export async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
