import "server-only";
import pino from "pino";
import { env } from "./env";

/** JSON logs. Secrets never reach a log line: known secret fields are redacted. */
export const logger = pino({
  level: env().LOG_LEVEL ?? (env().NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: ["password", "*.password", "clientSecret", "*.clientSecret", "*.client_secret", "*.secret", "*.authorization", "*.access_token"],
    censor: "[redacted]",
  },
});
