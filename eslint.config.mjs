import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The domain engines stay pure: no I/O, no clock, no randomness, no framework, nothing of
 * ours but lib/domain. tests/unit/architecture/domain-purity.test.ts is the guard that
 * cannot rot; this rule says it in the editor, at every depth of lib/domain.
 */
const DOMAIN_LIBRARIES = ["@date-fns/tz", "date-fns", "zod"];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const MAX_DOMAIN_DEPTH = 6;

/** A relative import that climbs `depth` folders from lib/domain/<depth-1 folders>/file leaves lib/domain. */
function domainImportRules(depth) {
  return [
    "error",
    {
      patterns: [
        {
          regex: `^(?!\\.|@/lib/domain(/|$)|(${DOMAIN_LIBRARIES.map(escape).join("|")})(/|$))`,
          message: `lib/domain imports only lib/domain and its declared libraries (${DOMAIN_LIBRARIES.join(", ")}).`,
        },
        { regex: `^(\\.\\./){${depth}}`, message: "lib/domain imports only lib/domain." },
      ],
    },
  ];
}

const domainPurity = [
  {
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Pass the time in: domain code has no clock." },
        { object: "Math", property: "random", message: "Take a seeded generator (lib/domain/random.ts): domain code is reproducible." },
        { object: "performance", property: "now", message: "Pass the time in: domain code has no clock." },
        { object: "crypto", property: "randomUUID", message: "Take ids as input: domain code is reproducible." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "new Date() reads the clock: pass the time in." },
        { selector: "CallExpression[callee.name='Date']", message: "Date() reads the clock: pass the time in." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "The service loads, the engine computes." },
        { name: "process", message: "Pass settings in: domain code does not read the environment." },
        { name: "setTimeout", message: "Domain code runs to completion." },
        { name: "setInterval", message: "Domain code runs to completion." },
      ],
    },
  },
  // One block per depth: lib/domain/x.ts may not climb one folder, lib/domain/a/x.ts two, ...
  ...Array.from({ length: MAX_DOMAIN_DEPTH }, (_, i) => ({
    files: [`lib/domain/${"*/".repeat(i)}*.{ts,tsx}`],
    rules: { "no-restricted-imports": domainImportRules(i + 1) },
  })),
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "bench/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...domainPurity,
];

export default config;
