/**
 * lib/domain stays pure: it imports nothing of ours but lib/domain and only its declared
 * libraries, and never reaches the clock, randomness, the network, the file system or the
 * process. The checker is proved on bad fixture strings first, then run on the real tree.
 */
import { describe, expect, it } from "vitest";
import { checkDomainFile, checkTree, describeViolations, sourceFiles } from "./rules";

const FILE = "lib/domain/trades/rules/probe.ts";
const messages = (text: string, file = FILE) => checkDomainFile(file, text).map((v) => v.message);

describe("the domain purity checker", () => {
  it("passes a clean engine: domain imports at any depth, declared libraries, time passed in", () => {
    const clean = `
      import { HOUR_MS } from "../../types";
      import { servedSkillIds } from "@/lib/domain/coverage";
      import { TZDate } from "@date-fns/tz";
      import { z } from "zod";
      export function rest(a: number, now: number, at: string) {
        const d = new Date(now);
        return { d, z, TZDate, servedSkillIds, hours: (now - a) / HOUR_MS, t: Date.parse(at) };
      }`;
    expect(checkDomainFile(FILE, clean)).toEqual([]);
  });

  it("catches an import of the database three levels up, which the old lint pattern missed", () => {
    expect(messages(`import { shifts } from "../../../db/schema";`)).toEqual([expect.stringContaining("lib/db/schema), outside lib/domain")]);
    expect(messages(`import type { Db } from "@/lib/db/client";`)).toEqual([expect.stringContaining("outside lib/domain")]);
    expect(messages(`export { x } from "../../../services/trades";`)).toEqual([expect.stringContaining("lib/services/trades")]);
    expect(messages(`const m = await import("../../../cxone/client");`)).toEqual([expect.stringContaining("lib/cxone/client")]);
  });

  it("catches packages that are not declared, framework and ORM included", () => {
    expect(messages(`import { eq } from "drizzle-orm";`)).toEqual([expect.stringContaining("not a declared domain library")]);
    expect(messages(`import { redirect } from "next/navigation";`)).toEqual([expect.stringContaining("not a declared domain library")]);
  });

  it("catches I/O modules however they are named", () => {
    for (const spec of ["node:fs", "fs", "fs/promises", "net", "http", "child_process", "node:worker_threads"]) {
      expect(messages(`import x from "${spec}";`), spec).toEqual([expect.stringContaining("a Node module (I/O)")]);
    }
    expect(messages(`const fs = require("fs");`)).toEqual([expect.stringContaining("a Node module (I/O)")]);
  });

  it("catches the clock: Date.now, new Date() with no arguments, Date(), performance.now", () => {
    expect(messages(`export const t = Date.now();`)).toEqual([expect.stringContaining("Date.now()")]);
    expect(messages(`export const t = Date["now"]();`)).toEqual([expect.stringContaining("Date.now()")]);
    expect(messages(`export const d = new Date();`)).toEqual([expect.stringContaining("new Date()")]);
    expect(messages(`export const d = new Date;`)).toEqual([expect.stringContaining("new Date()")]);
    expect(messages(`export const s = Date();`)).toEqual([expect.stringContaining("Date()")]);
    expect(messages(`export const p = performance.now();`)).toEqual([expect.stringContaining("performance.now()")]);
  });

  it("catches randomness, the network and the process", () => {
    expect(messages(`export const r = Math.random();`)).toEqual([expect.stringContaining("Math.random()")]);
    expect(messages(`export const id = crypto.randomUUID();`)).toEqual([expect.stringContaining("crypto.randomUUID()")]);
    expect(messages(`export const load = () => fetch("https://example.test");`)).toEqual([expect.stringContaining("fetch() is I/O")]);
    expect(messages(`export const load = () => globalThis.fetch("x");`)).toEqual(expect.arrayContaining([expect.stringContaining("fetch() is I/O")]));
    expect(messages(`export const tz = process.env.TZ;`)).toEqual([expect.stringContaining("process is the environment")]);
  });
});

describe("lib/domain (the real tree)", () => {
  it("walks every file, nested folders included", () => {
    const files = sourceFiles("lib/domain");
    expect(files.some((f) => f.split("/").length > 4)).toBe(true); // e.g. lib/domain/trades/rules/*.ts
  });

  it("has no import outside lib/domain but its declared libraries, and no clock, randomness or I/O", () => {
    expect(describeViolations(checkTree(["lib/domain"], checkDomainFile))).toEqual([]);
  });
});
