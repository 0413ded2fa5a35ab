import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "bench/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // The domain engines stay pure: no I/O, no clock, no framework, nothing of ours but domain.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "drizzle-orm*", "pg", "@electric-sql/*", "node:*", "fs", "path"], message: "lib/domain is pure." },
            { group: ["../db/*", "../cxone/*", "../services/*", "../actions/*", "@/lib/db/*", "@/lib/cxone/*", "@/lib/services/*"], message: "lib/domain imports only lib/domain." },
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Pass the time in: domain code has no clock." }],
    },
  },
];

export default config;
