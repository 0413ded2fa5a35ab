import { describe, expect, it } from "vitest";
import { dashboardProcesses, nextStartArgs, SERVER_NODE_FLAGS } from "@/scripts/next-start.mjs";

describe("dashboardProcesses (how many processes npm start runs on its port)", () => {
  it("runs one per core on Postgres", () => {
    expect(dashboardProcesses({ DATABASE_URL: "postgres://db/app" }, 2)).toBe(2);
    expect(dashboardProcesses({ DATABASE_URL: "postgres://db/app" }, 8)).toBe(8);
  });

  it("runs one on the embedded database, whatever WEB_CONCURRENCY says: one process opens its folder", () => {
    expect(dashboardProcesses({}, 8)).toBe(1);
    expect(dashboardProcesses({ WEB_CONCURRENCY: "4" }, 8)).toBe(1);
  });

  it("takes WEB_CONCURRENCY on Postgres when it is a whole number from 1, at most 16", () => {
    expect(dashboardProcesses({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(dashboardProcesses({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: "64" }, 8)).toBe(16);
    for (const bad of ["0", "-2", "1.5", "two", ""]) expect(dashboardProcesses({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: bad }, 3)).toBe(3);
  });
});

describe("nextStartArgs", () => {
  it("puts the young-generation flags before next's own arguments", () => {
    expect(nextStartArgs(3000, "127.0.0.1")).toEqual([...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", "3000", "-H", "127.0.0.1"]);
    expect(SERVER_NODE_FLAGS).toEqual(["--max-semi-space-size=64", "--min-semi-space-size=64"]);
  });
});
