/**
 * The checkers behind the architecture guards. Pure: they take a file's path and text and
 * return what breaks the rule, so each guard can prove on a bad fixture string that it
 * catches what it is meant to catch, and then run over the real tree.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export interface ModuleReference {
  specifier: string;
  line: number;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Every module a file names: imports and re-exports (type-only ones too), import(), require(), import x = require(). */
export function moduleReferences(file: string, text: string): ModuleReference[] {
  const source = parse(file, text);
  const found: ModuleReference[] = [];
  const add = (spec: ts.Node | undefined, at: ts.Node) => {
    if (spec && ts.isStringLiteralLike(spec)) found.push({ specifier: spec.text, line: lineOf(source, at) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isDynamicImport || isRequire) add(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository path a specifier points at ("lib/db/schema"), or null for a package. */
export function resolveInRepo(fromFile: string, specifier: string): string | null {
  let absolute: string;
  if (specifier.startsWith("@/")) absolute = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) absolute = path.resolve(path.dirname(path.join(ROOT, fromFile)), specifier);
  else return null;
  return path
    .relative(ROOT, absolute)
    .split(path.sep)
    .join("/")
    .replace(/\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/, "")
    .replace(/\/index$/, "");
}

/** "@date-fns/tz/constants" → "@date-fns/tz"; "node:fs" → "node:fs"; "zod/mini" → "zod". */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
export const isBuiltinModule = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(packageName(specifier));

const inside = (repoPath: string, dir: string) => repoPath === dir || repoPath.startsWith(`${dir}/`);

// ---------------------------------------------------------------------------------------
// lib/domain is pure: nothing of ours but lib/domain, only its declared libraries, no I/O,
// no clock, no randomness.

/** The only packages lib/domain may import; each is pure computation. */
export const DOMAIN_LIBRARIES = [
  "@date-fns/tz", // IANA zones for lib/domain/time (DESIGN: one time library, wrapped there)
  "date-fns", // what @date-fns/tz builds on
  "zod", // schemas of engine settings may sit beside the engine that reads them
] as const;

/** Calls and reads that reach the clock, randomness, the network or the process. */
const IMPURE_MEMBERS: Record<string, Record<string, string>> = {
  Date: { now: "Date.now() reads the clock: pass the time in" },
  Math: { random: "Math.random() is not reproducible: take a seeded generator (lib/domain/random.ts)" },
  performance: { now: "performance.now() reads the clock: pass the time in" },
  crypto: { randomUUID: "crypto.randomUUID() is random: take ids as input", getRandomValues: "crypto.getRandomValues() is random: take a seeded generator" },
};
const IMPURE_GLOBALS: Record<string, string> = {
  fetch: "fetch() is I/O: the service loads, the engine computes",
  XMLHttpRequest: "XMLHttpRequest is I/O",
  WebSocket: "WebSocket is I/O",
  process: "process is the environment: pass settings in",
  setTimeout: "timers are the clock: the engine runs to completion",
  setInterval: "timers are the clock: the engine runs to completion",
};

export function checkDomainFile(file: string, text: string): Violation[] {
  const violations: Violation[] = [];
  for (const { specifier, line } of moduleReferences(file, text)) {
    const target = resolveInRepo(file, specifier);
    if (target !== null) {
      if (!inside(target, "lib/domain")) violations.push({ file, line, message: `imports ${specifier} (${target}), outside lib/domain` });
    } else if (isBuiltinModule(specifier)) {
      violations.push({ file, line, message: `imports ${specifier}: a Node module (I/O) in lib/domain` });
    } else if (!(DOMAIN_LIBRARIES as readonly string[]).includes(packageName(specifier))) {
      violations.push({ file, line, message: `imports ${specifier}, which is not a declared domain library (${DOMAIN_LIBRARIES.join(", ")})` });
    }
  }
  const source = parse(file, text);
  const report = (node: ts.Node, message: string) => violations.push({ file, line: lineOf(source, node), message });
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const object = node.expression;
      const member = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : null;
      if (ts.isIdentifier(object) && member !== null) {
        const message = IMPURE_MEMBERS[object.text]?.[member];
        if (message) report(node, message);
        if (object.text === "globalThis" && member in IMPURE_GLOBALS) report(node, IMPURE_GLOBALS[member]);
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date" && (node.arguments?.length ?? 0) === 0) {
      report(node, "new Date() reads the clock: pass the time in");
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date") {
      report(node, "Date() reads the clock: pass the time in");
    }
    if (ts.isIdentifier(node) && node.text in IMPURE_GLOBALS && isValueReference(node)) report(node, IMPURE_GLOBALS[node.text]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

/** True when an identifier is read as a value, not a property name, key, or a declaration's own name. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Pages, components and actions reach data through services, never through lib/db.

/** Where the database layer may not be imported from. */
export const NO_DB_DIRS = ["app", "components", "lib/actions"] as const;
/**
 * The one lib/db module pages, route handlers and action clients may name: the connection,
 * which they hand to services. Components (browser code) may not name it either.
 */
export const DB_CONNECTION = "lib/db/client";

export function checkNoDbImports(file: string, text: string): Violation[] {
  const violations: Violation[] = [];
  for (const { specifier, line } of moduleReferences(file, text)) {
    const target = resolveInRepo(file, specifier);
    if (target === null || !inside(target, "lib/db")) continue;
    if (target === DB_CONNECTION && !inside(file, "components")) continue;
    violations.push({ file, line, message: `imports ${specifier} (${target}): go through a service in lib/services` });
  }
  return violations;
}

// ---------------------------------------------------------------------------------------

/** Source files under a repository directory, as repository paths. */
export function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(tsx?|mts|cts|jsx?|mjs|cjs)$/.test(entry.name) ? [rel] : [];
  });
}

export function checkTree(dirs: readonly string[], check: (file: string, text: string) => Violation[]): Violation[] {
  return dirs.flatMap((dir) => sourceFiles(dir)).flatMap((file) => check(file, fs.readFileSync(path.join(ROOT, file), "utf8")));
}

export const describeViolations = (violations: Violation[]) => violations.map((v) => `${v.file}:${v.line} ${v.message}`);
