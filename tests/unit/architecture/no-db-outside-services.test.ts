/**
 * Pages, route handlers, components and server actions reach data through services: none
 * of them imports lib/db's schema or queries. Pages, route handlers and the action client
 * may name the connection (lib/db/client) to hand it to a service; components may not.
 * The checker is proved on bad fixture strings first, then run on the real tree.
 */
import { describe, expect, it } from "vitest";
import { checkNoDbImports, checkTree, describeViolations, NO_DB_DIRS } from "./rules";

const PAGE = "app/(dashboard)/bidding/page.tsx";
const ACTION = "lib/actions/settings/save-gap-thresholds.ts";
const COMPONENT = "components/trades/review-queue.tsx";
const messages = (file: string, text: string) => checkNoDbImports(file, text).map((v) => v.message);

describe("the no-database-outside-services checker", () => {
  it("passes a page that asks a service and hands it the connection", () => {
    const clean = `
      import { getDb } from "@/lib/db/client";
      import { getReviewQueue } from "@/lib/services/trades";
      import type { QueueItem } from "@/lib/schemas/trades";
      export default async function Page() { return getReviewQueue(await getDb()); }`;
    expect(checkNoDbImports(PAGE, clean)).toEqual([]);
    expect(checkNoDbImports(ACTION, `import { getDb } from "../../db/client";`)).toEqual([]);
  });

  it("catches the schema and the queries, by alias or by relative path, type-only too", () => {
    expect(messages(PAGE, `import { bidScopes } from "@/lib/db/schema";`)).toEqual([expect.stringContaining("(lib/db/schema)")]);
    expect(messages(PAGE, `import type { ShiftRow } from "@/lib/db/schema";`)).toEqual([expect.stringContaining("(lib/db/schema)")]);
    expect(messages(ACTION, `import { getSetting } from "../../db/queries/settings";`)).toEqual([expect.stringContaining("(lib/db/queries/settings)")]);
    expect(messages(ACTION, `export * from "../../db/queries";`)).toEqual([expect.stringContaining("(lib/db/queries)")]);
    expect(messages(PAGE, `const { getSites } = await import("@/lib/db/queries/reference");`)).toEqual([expect.stringContaining("lib/db/queries/reference")]);
  });

  it("catches a component naming even the connection: browser code never touches the database", () => {
    expect(messages(COMPONENT, `import { getDb } from "@/lib/db/client";`)).toEqual([expect.stringContaining("(lib/db/client)")]);
  });

  it("ignores look-alikes outside lib/db", () => {
    expect(checkNoDbImports(PAGE, `import { x } from "@/lib/dbx/schema"; import y from "db";`)).toEqual([]);
  });
});

describe("app/, components/ and lib/actions/ (the real tree)", () => {
  it("import nothing from lib/db but the connection", () => {
    expect(describeViolations(checkTree(NO_DB_DIRS, checkNoDbImports))).toEqual([]);
  });
});
