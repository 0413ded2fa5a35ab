import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { deleteShift as deleteShiftOp, editShift as editShiftOp, getShift, shiftIdParam } from "@/lib/api/openapi/schedule";
import { editResponse, etagOf, versionFromIfMatch } from "@/lib/api/versions";
import { shiftToWire, withWireCurrent } from "@/lib/api/wire";
import { AppError } from "@/lib/errors";
import { deleteShift } from "@/lib/services/schedule/delete-shift";
import { editShift } from "@/lib/services/schedule/edit-shift";
import { getShiftHistory } from "@/lib/services/schedule/shift-history";

const idOf = (params: Record<string, string | string[]>) => {
  const id = shiftIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a shift id.", { field: "id" });
  return id.data;
};

/** The shift and its history; its version is the ETag. */
export const GET = apiRoute(getShift.route, async ({ db, user, params }) => {
  const result = await getShiftHistory(db, { shiftId: idOf(params) }, user);
  return NextResponse.json({ ...result, shift: shiftToWire(result.shift) }, { headers: { ETag: etagOf(result.shift.version) } });
});

/** Replaces the shift's values (local times in `timeZone`) at the version named by If-Match. */
export const PATCH = apiRoute(editShiftOp.route, async ({ db, user, input, params, request, requestId }) => {
  const version = versionFromIfMatch(request);
  return editResponse(await withWireCurrent(() => editShift(db, { ...input, shiftId: idOf(params), version }, user, Date.now(), requestId)));
});

/** Deletes the shift at the version named by If-Match. */
export const DELETE = apiRoute(deleteShiftOp.route, async ({ db, user, params, request, requestId }) => {
  const version = versionFromIfMatch(request);
  await withWireCurrent(() => deleteShift(db, { shiftId: idOf(params), version }, user, requestId));
  return new Response(null, { status: 204 });
});
