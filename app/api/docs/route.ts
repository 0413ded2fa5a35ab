import { ApiReference } from "@scalar/nextjs-api-reference";
import { apiDocsContentSecurityPolicy, newNonce } from "@/lib/api/security-headers";
import { OPENAPI_PATH } from "@/lib/api/openapi/document";

/**
 * The interactive API reference (Scalar) over /api/v1/openapi.json. Public like the
 * document. Scalar's bundle is served from our origin (no CDN: offline installs and a
 * strict CSP both need that), and the page gets its own CSP with a fresh nonce.
 */
export function GET(): Response {
  const nonce = newNonce();
  const page = ApiReference({
    url: OPENAPI_PATH,
    pageTitle: "Shiftboard API reference",
    cdn: "/api/docs/scalar.js",
    nonce,
    // Nothing that calls out of this server: no web fonts, no telemetry, no AI agent, no
    // hosted tooling; the page works offline and its CSP allows our own origin only.
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: "never",
    documentDownloadType: "json",
    authentication: { preferredSecurityScheme: "bearerAuth" },
  })();
  const headers = new Headers(page.headers);
  headers.set("Content-Security-Policy", apiDocsContentSecurityPolicy(nonce));
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(page.body, { status: 200, headers });
}
