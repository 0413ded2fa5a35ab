import "server-only";
import { AppError } from "../../errors";

/**
 * The database keeps the no-overlap rule for every writer (migration 0013): at commit it
 * refuses a transaction that left an agent working two shifts at once, naming the agent and
 * both shifts, with SQLSTATE 23P01; the (agent, start, end) unique key refuses an exact repeat
 * at once. Writers pass what their transaction threw through here to read it as the same
 * clear conflict (or the deadlock two such writers can meet in); anything else is null.
 */
export function overlapConflictFrom(e: unknown): AppError | null {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const { code, constraint, message } = x as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === "23P01" || constraint === "shifts_no_overlap_per_agent") {
      // The guard's own words name the agent and both shifts; keep them.
      const detail = typeof message === "string" && message.includes("would work two shifts at once") ? message : "Another change stored a shift for the same agent at the same time while this one was being saved.";
      return overlapError(detail);
    }
    // The same agent, start and end stored by a writer that committed after this one read the schedule.
    if (code === "23505" && constraint === "shifts_agent_start_end_key") {
      return overlapError("Another change stored a shift for the same agent at exactly the same time while this one was being saved.");
    }
    // 40P01: two writers waiting on each other's rows; Postgres ends one of them.
    if (code === "40P01") return overlapError("Another change to the same agents' shifts was being saved at the same time.");
  }
  return null;
}

function overlapError(detail: string): AppError {
  return new AppError("CONFLICT", `${detail} Nothing was saved; reload and try again.`);
}
