"use client";

/**
 * The panel's one door to the schedule's write actions (lib/actions/schedule), so the form
 * and the preview display do not care how a call travels. Each returns the action's data or
 * throws an ApiError carrying the action's code (STALE_VERSION, VALIDATION, …).
 */
import { ApiError } from "@/lib/client/fetch-json";
import type { ShiftFieldsInput } from "@/lib/schemas/schedule";
import type { PublishPreview, PublishResult, ShiftEditPreview, ShiftEditResult, UndoImportResult } from "@/lib/types/schedule";
import type { PublishSelection } from "@/lib/schemas/schedule";

export type ShiftFields = Omit<ShiftFieldsInput, "confirmWarnings"> & { confirmWarnings?: boolean };

const notYet = () => Promise.reject(new ApiError("Saving shifts is not available in this build yet.", 0));

export const shiftEdits = {
  preview: (input: ShiftFields & { shiftId?: string }): Promise<ShiftEditPreview> => (void input, notYet()),
  create: (input: ShiftFields): Promise<ShiftEditResult> => (void input, notYet()),
  edit: (input: ShiftFields & { shiftId: string; version: number }): Promise<ShiftEditResult> => (void input, notYet()),
  remove: (input: { shiftId: string; version: number }): Promise<unknown> => (void input, notYet()),
  previewPublish: (input: PublishSelection): Promise<PublishPreview> => (void input, notYet()),
  publish: (input: PublishSelection): Promise<PublishResult> => (void input, notYet()),
  undoImport: (input: { importId: string }): Promise<UndoImportResult> => (void input, notYet()),
};
