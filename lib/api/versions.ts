import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "../errors";
import type { ShiftEditResult } from "../types/schedule";
import { editResultToWire } from "./wire";

/**
 * Versions over HTTP: a shift's version is its ETag (`"3"`), and a change must say which
 * version it changes in `If-Match`, the same optimistic check the actions make with `version`.
 */
export function versionFromIfMatch(request: Request, what = "shift"): number {
  const header = request.headers.get("if-match");
  if (!header) throw new AppError("PRECONDITION_REQUIRED", 'Send the version you are changing in an If-Match header (the ETag GET returned, e.g. If-Match: "3"), so a change made meanwhile by someone else is not overwritten.');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m || Number(m[1]) < 1) throw new AppError("VALIDATION", `If-Match: ${header.slice(0, 40)} is not a ${what} version; send the ETag GET returned, e.g. "3".`);
  return Number(m[1]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** A saved edit answers with its new ETag; one the rules refused answers 422 with its findings (nothing was stored). */
export function editResponse(result: ShiftEditResult, createdStatus = 200): Response {
  if (!result.shift) return NextResponse.json(result, { status: 422 });
  return NextResponse.json(editResultToWire(result), { status: createdStatus, headers: { ETag: etagOf(result.shift.version) } });
}
