/** Turns a next-safe-action result into one line a person can read, or null when it succeeded. */
export function actionErrorText(result: { serverError?: { message: string }; validationErrors?: unknown } | undefined): string | null {
  if (!result) return "No answer from the server.";
  if (result.serverError) return result.serverError.message;
  if (result.validationErrors) {
    const v = result.validationErrors as { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
    const lines = [...(v.formErrors ?? []), ...Object.entries(v.fieldErrors ?? {}).flatMap(([k, msgs]) => (msgs ?? []).map((m) => `${k}: ${m}`))];
    return lines.join(" ") || "Some input is not valid.";
  }
  return null;
}
