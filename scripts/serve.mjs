#!/usr/bin/env node
/**
 * `npm start`: the built dashboard on one port (`-p`, `-H` as for `next start`).
 *
 * On Postgres (DATABASE_URL set) it runs one dashboard process per core, all on that
 * port (scripts/cluster.mjs). One Node process renders on one core, so on a 2-core server
 * the second core otherwise sits idle while pages queue (`npm run load`, which starts the
 * dashboard this way). Every process is an ordinary instance of the scale-out story
 * (sessions signed with one secret, caches checked against the schedule revision,
 * decisions settled in the database: tests/integration/scale-out.test.ts). The embedded
 * database serves one process, so without DATABASE_URL there is one. WEB_CONCURRENCY
 * overrides the count.
 */
import os from "node:os";
import { runCluster } from "./cluster.mjs";
import { dashboardProcesses, NEXT_BIN, SERVER_NODE_FLAGS } from "./next-start.mjs";

const count = dashboardProcesses(process.env, os.availableParallelism());
runCluster({ exec: NEXT_BIN, args: ["start", ...process.argv.slice(2)], execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS], count });
if (count > 1) console.log(`[serve] ${count} dashboard processes on one port (WEB_CONCURRENCY to change)`);
