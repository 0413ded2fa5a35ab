"use client";

/**
 * The schedule panel's one door to the write actions (lib/actions/schedule), so the form
 * and the preview display do not care how a call travels. Each returns the action's data or
 * throws an ApiError with the action's code and message; a stale version (CONFLICT with the
 * stored shift in its details) throws a StaleShiftError carrying the current values.
 */
import { createShiftAction } from "@/lib/actions/schedule/create-shift";
import { deleteShiftAction } from "@/lib/actions/schedule/delete-shift";
import { editShiftAction } from "@/lib/actions/schedule/edit-shift";
import { previewPublishAction } from "@/lib/actions/schedule/preview-publish";
import { previewShiftEditAction } from "@/lib/actions/schedule/preview-shift-edit";
import { publishShiftsAction } from "@/lib/actions/schedule/publish-shifts";
import { undoImportAction } from "@/lib/actions/schedule/undo-import";
import { actionData, ApiError, type ActionResultLike } from "@/lib/client/fetch-json";
import type { PublishSelection, ShiftFieldsInput } from "@/lib/schemas/schedule";
import type { ScheduleShift } from "@/lib/types/schedule";

export type ShiftFields = Omit<ShiftFieldsInput, "confirmWarnings"> & { confirmWarnings?: boolean };

/** Someone saved the shift first: nothing was stored; `current` is what is stored now. */
export class StaleShiftError extends ApiError {
  readonly current: ScheduleShift;
  constructor(message: string, current: ScheduleShift) {
    super(message, 409, "CONFLICT");
    this.name = "StaleShiftError";
    this.current = current;
  }
}

function dataOf<D>(result: ActionResultLike<D> | undefined): D {
  const details = (result?.serverError as { details?: { current?: ScheduleShift } } | undefined)?.details;
  if (result?.serverError && details?.current) throw new StaleShiftError(result.serverError.message, details.current);
  return actionData(result);
}

const withDefaults = <T extends ShiftFields>(f: T) => ({ ...f, confirmWarnings: f.confirmWarnings ?? false });

export const shiftEdits = {
  preview: async (input: ShiftFields & { shiftId?: string }) => dataOf(await previewShiftEditAction(withDefaults(input))),
  create: async (input: ShiftFields) => dataOf(await createShiftAction(withDefaults(input))),
  edit: async (input: ShiftFields & { shiftId: string; version: number }) => dataOf(await editShiftAction(withDefaults(input))),
  remove: async (input: { shiftId: string; version: number }) => dataOf(await deleteShiftAction(input)),
  previewPublish: async (input: PublishSelection) => dataOf(await previewPublishAction(input)),
  publish: async (input: PublishSelection) => dataOf(await publishShiftsAction(input)),
  undoImport: async (input: { importId: string }) => dataOf(await undoImportAction(input)),
};
