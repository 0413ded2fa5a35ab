/**
 * What the sign-in page may say. next-auth reports failures as an `error` code in the
 * URL or in `signIn()`'s result; the URL is anyone's to write, so only the codes below
 * are shown, each with our own words, and any other text is ignored (it would otherwise
 * let a link print a phishing message on our page).
 */
export const SIGN_IN_CODES = {
  invalid: "invalid",
  input: "input",
  throttled: "throttled",
} as const;

const MESSAGES: Record<string, string> = {
  invalid: "Wrong email or password.",
  // next-auth's name for a provider that refused the credentials.
  CredentialsSignin: "Wrong email or password.",
  input: "Enter a valid email address and your password.",
  throttled: "Too many sign-in attempts. Wait a few minutes and try again.",
  SessionRequired: "Please sign in to continue.",
  Default: "Sign-in failed. Try again.",
  Configuration: "Sign-in is not available right now. Try again later.",
};

/** The message for a known code, or null for anything else (shown as nothing). */
export function signInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : null;
}
