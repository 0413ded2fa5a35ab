/**
 * What `npm run demo` decides before it starts anything (kept apart so tests can check it
 * without building): where it listens, and the secrets it signs sessions with.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Loopback unless HOST says otherwise: the demo's users and passwords are printed in the
 * README, so it is nobody else's to reach. The public URL is what sign-in links and the
 * same-origin check use.
 */
export function demoAddress(env) {
  const port = env.PORT ?? "3000";
  const host = env.HOST ?? "127.0.0.1";
  const everyInterface = host === "0.0.0.0" || host === "::";
  return { host, port, publicUrl: env.NEXTAUTH_URL ?? `http://${everyInterface ? "localhost" : host}:${port}`, reachable: everyInterface ? "127.0.0.1" : host };
}

/**
 * Reads the demo's secrets from `dataDir`/secrets.json, creating them once, atomically (O_EXCL)
 * and readable by the owner only: every demo has its own, and none is published anywhere.
 */
export function demoSecrets(dataDir) {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fresh = { NEXTAUTH_SECRET: randomBytes(32).toString("hex"), CXONE_SECRET_KEY: randomBytes(32).toString("base64") };
  try {
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
  }
  const stored = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!stored.NEXTAUTH_SECRET || !stored.CXONE_SECRET_KEY) throw new Error(`${file} is incomplete; delete it to generate new secrets.`);
  return stored;
}
