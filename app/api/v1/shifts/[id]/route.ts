import { z } from "zod";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { editResponse, etagOf, versionFromIfMatch } from "@/lib/api/versions";
import { AppError } from "@/lib/errors";
import { shiftFieldsSchema } from "@/lib/schemas/schedule";
import { deleteShift } from "@/lib/services/schedule/delete-shift";
import { editShift } from "@/lib/services/schedule/edit-shift";
import { getShiftHistory } from "@/lib/services/schedule/shift-history";

const routes = ROUTE_CAPABILITY["/api/v1/shifts/[id]"];
const idOf = (params: Record<string, string | string[]>) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a shift id.");
  return id.data;
};

/** The shift and its history; its version is the ETag. */
export const GET = apiRoute({ capability: routes.GET }, async ({ db, user, params }) => {
  const result = await getShiftHistory(db, { shiftId: idOf(params) }, user);
  return NextResponse.json(result, { headers: { ETag: etagOf(result.shift.version) } });
});

/** Replaces the shift's values (local times in `timeZone`) at the version named by If-Match. */
export const PATCH = apiRoute({ capability: routes.PATCH, input: shiftFieldsSchema }, async ({ db, user, input, params, request, requestId }) => {
  const version = versionFromIfMatch(request);
  return editResponse(await editShift(db, { ...input, shiftId: idOf(params), version }, user, Date.now(), requestId));
});

/** Deletes the shift at the version named by If-Match. */
export const DELETE = apiRoute({ capability: routes.DELETE, accepts: ["application/json", ""] }, async ({ db, user, params, request, requestId }) => {
  const version = versionFromIfMatch(request);
  await deleteShift(db, { shiftId: idOf(params), version }, user, requestId);
  return new Response(null, { status: 204 });
});
