/**
 * npm run cxone:flow -- --base-url URL --client-id ID --client-secret SECRET --shifts FILE.csv --from DATE --to DATE
 * Run with `tsx --conditions=react-server` (lib/cxone modules import "server-only").
 * The workflow lives in scripts/cxone-flow/run.ts (runFlow), so tests run it in-process.
 */
import { readFile, writeFile } from "node:fs/promises";
import { runFlow } from "./cxone-flow/run";

// A closed pipe (`… | head`) is not a failure of the flow.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== "EPIPE") throw err;
});

const code = await runFlow(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: process.stderr,
  env: process.env,
  readFile: (path) => readFile(path, "utf8"),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
});
process.exitCode = code;
