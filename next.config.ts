import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./lib/api/security-headers";

const staticHeaders = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const config: NextConfig = {
  // Native and WASM packages are loaded from node_modules at run time, not bundled:
  // PGlite ships its WASM and data files beside its JS, argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino"],
  // The app is type-checked on its own tsconfig; tests and scripts by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Pages get these and their nonce-based CSP from proxy.ts; the rest (route handlers,
  // static files, prefetches the proxy skips) from here.
  async headers() {
    return [
      { source: "/:path*", headers: staticHeaders },
      // The API reference page sets its own, nonce-based policy (lib/api/security-headers.ts).
      { source: "/api/:path((?!docs).*)", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default config;
