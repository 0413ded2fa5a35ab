/**
 * Mints an API service token from the server's shell (scripts, CI), with the database the
 * dashboard uses; prints the token once. The same rules as Settings → API tokens apply,
 * and the mint is audited as coming from the shell.
 *
 *   npm run api:token -- --name payroll --role planner [--sites NYC,LON] [--expires-days 90]
 */
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { createApiToken } from "@/lib/services/api-tokens/create";
import { openAppDatabase } from "./db";

const USAGE = "Usage: npm run api:token -- --name NAME --role planner|supervisor|admin [--sites NYC,LON] [--expires-days N]";

let args;
try {
  args = parseArgs({
    options: { name: { type: "string" }, role: { type: "string" }, sites: { type: "string" }, "expires-days": { type: "string" }, help: { type: "boolean" } },
    strict: true,
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help || !args.name || !args.role) {
  console.error(USAGE);
  process.exit(args.help ? 0 : 2);
}
const days = args["expires-days"];
if (days !== undefined && !/^\d+$/.test(days)) {
  console.error(`--expires-days is a whole number of days, not "${days}".\n${USAGE}`);
  process.exit(2);
}

const opened = await openAppDatabase();
try {
  const { token, view } = await createApiToken(
    opened.db,
    { shell: true },
    {
      name: args.name,
      role: args.role as "planner",
      siteIds: args.sites ? args.sites.split(",").map((s) => s.trim()).filter(Boolean) : [],
      expiresInDays: days === undefined ? null : Number(days),
    },
    new Date(),
  );
  // The token alone on stdout (so `TOKEN=$(npm run -s api:token -- …)` works); the rest on stderr.
  console.error(`Created API token "${view.name}" (${view.role}${view.siteIds.length ? `, sites ${view.siteIds.join(", ")}` : ""}), ${view.expiresAt ? `expires ${view.expiresAt}` : "no expiry"}. It is shown only now:`);
  console.log(token);
} catch (e) {
  console.error(isAppError(e) ? e.userMessage : e);
  process.exitCode = 1;
} finally {
  await opened.close();
}
