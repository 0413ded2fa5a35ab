/**
 * npm run cxone:sim -- --demo [--port 8787] [fault flags]   (see --help)
 * Run with `tsx --conditions=react-server` (lib/cxone modules import "server-only").
 */
import { runSimulatorCli } from "./cxone-sim/cli";

try {
  const sim = await runSimulatorCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), env: process.env });
  if (sim) {
    const stop = () => {
      sim.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
} catch (err) {
  process.stderr.write(`cxone:sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
