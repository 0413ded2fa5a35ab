/**
 * The schedule as an evaluation batch sees it: the context's shifts plus the trades
 * applied since (approved-not-applied trades from the context, and trades the batch
 * approves). Copy-on-write per agent; the context is never touched.
 */
import type { Shift } from "../types";
import type { Move } from "./coverage-state";

const byStart = (a: Shift, b: Shift) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class ScheduleView {
  private readonly lists = new Map<string, readonly Shift[]>();
  private readonly byId = new Map<string, Shift>();

  constructor(private readonly base: ReadonlyMap<string, readonly Shift[]>) {
    for (const shifts of base.values()) for (const s of shifts) this.byId.set(s.id, s);
  }

  /** The agent's shifts by start. */
  shiftsOf(agentId: string): readonly Shift[] {
    let list = this.lists.get(agentId);
    if (!list) {
      const raw = this.base.get(agentId) ?? [];
      list = isSorted(raw) ? raw : [...raw].sort(byStart);
      this.lists.set(agentId, list);
    }
    return list;
  }

  shift(id: string): Shift | undefined {
    return this.byId.get(id);
  }

  /** Moves each shift from its giver to its receiver. */
  apply(moves: readonly Move[]): void {
    for (const m of moves) {
      this.lists.set(m.giver.id, this.shiftsOf(m.giver.id).filter((s) => s.id !== m.shift.id));
      this.lists.set(m.receiver.id, insertSorted(this.shiftsOf(m.receiver.id), m.incoming));
      this.byId.set(m.incoming.id, m.incoming);
    }
  }
}

/** A new array with `shift` inserted in start order. */
export function insertSorted(list: readonly Shift[], shift: Shift): Shift[] {
  const out = list.slice();
  let i = out.length;
  while (i > 0 && byStart(out[i - 1], shift) > 0) i--;
  out.splice(i, 0, shift);
  return out;
}

function isSorted(list: readonly Shift[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1], list[i]) > 0) return false;
  return true;
}
