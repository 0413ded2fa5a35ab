import type { NextConfig } from "next";

const config: NextConfig = {
  // Native and WASM packages are loaded from node_modules at run time, not bundled:
  // PGlite ships its WASM and data files beside its JS, argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino"],
  // The app is type-checked on its own tsconfig; tests and scripts by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default config;
