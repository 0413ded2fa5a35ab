/**
 * Decides whether `next build` must run: a SHA-256 over every file the build reads
 * (paths and contents of app/, components/, lib/, types/, public/ and the root configs
 * and lockfile), compared with the stamp written beside .next/BUILD_ID after the last
 * successful build. Contents, not mtimes: a checkout or copy that touches files without
 * changing them does not force a rebuild, and an edit always does.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const DIRS = ["app", "components", "lib", "types", "public"];
const FILES = ["package.json", "package-lock.json", "next.config.ts", "proxy.ts", "tsconfig.json", "tsconfig.build.json", "postcss.config.mjs"];
const STAMP = ".next/shiftboard-source-hash";

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? walk(full) : [full];
    });
}

export function sourceHash(root = process.cwd()) {
  const hash = createHash("sha256");
  const files = [...DIRS.flatMap((d) => walk(path.join(root, d))), ...FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];
  for (const file of files) {
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** True when .next holds a build of exactly these sources. */
export function buildIsCurrent(root = process.cwd()) {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) return false;
  try {
    return fs.readFileSync(path.join(root, STAMP), "utf8").trim() === sourceHash(root);
  } catch {
    return false;
  }
}

export function writeBuildStamp(hash, root = process.cwd()) {
  fs.writeFileSync(path.join(root, STAMP), hash + "\n");
}
