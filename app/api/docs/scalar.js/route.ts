import fs from "node:fs/promises";
import path from "node:path";

// The package exports no path to its browser build, so it is read from the install folder
// (the server runs from the project root, as lib/db/client.ts reads its migrations).
const BUNDLE = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
let bundle: Promise<Buffer> | undefined;

/** Scalar's single-file browser bundle from the installed package, so the docs page needs no CDN. */
export async function GET(): Promise<Response> {
  bundle ??= fs.readFile(BUNDLE);
  bundle.catch(() => (bundle = undefined));
  return new Response(new Uint8Array(await bundle), { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" } });
}
