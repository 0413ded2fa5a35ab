/** Types of demo-setup.mjs (plain JavaScript: `npm run demo` runs without a compiler). */
export interface DemoAddress {
  host: string;
  port: string;
  publicUrl: string;
  /** Where the demo's own readiness check reaches it. */
  reachable: string;
}
export function demoAddress(env: Record<string, string | undefined>): DemoAddress;
export function demoSecrets(dataDir: string): { NEXTAUTH_SECRET: string; CXONE_SECRET_KEY: string };
