/**
 * lib/csv runs in a browser Web Worker (preview) and on the server (commit): it must
 * not reach for Node, server-only modules, I/O or the clock.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const files = [...fs.readdirSync(path.join(ROOT, "lib/csv")).map((f) => path.join("lib/csv", f)), "lib/schemas/imports.ts"];

describe("lib/csv is browser-safe and pure", () => {
  it.each(files)("%s imports nothing server-side and reads no clock", (file) => {
    // Comments may name what the code must avoid; only code counts.
    const src = fs
      .readFileSync(path.join(ROOT, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec.startsWith(".") || ["papaparse", "zod", "@date-fns/tz"].includes(spec), `${file} imports ${spec}`).toBe(true);
    }
    expect(src).not.toMatch(/\bnode:|server-only|process\.|Date\.now\(|new Date\(\)|Math\.random|fetch\(/);
  });
});
