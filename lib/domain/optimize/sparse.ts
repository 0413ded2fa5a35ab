/**
 * A mixed-integer model as plain sparse arrays (HiGHS's ModelData shape, column-wise), built
 * without importing the solver so the engines stay pure and testable. Shared by the exact
 * schedule model and the capacity plan.
 */
export interface SparseModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** 1 = integer. */
  integrality: Int32Array;
}

export class SparseBuilder {
  cost: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  integer: number[] = [];
  entries: [number, number][][] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  col(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.entries.push([]);
    return this.cost.length - 1;
  }
  row(lower: number, upper: number, terms: Iterable<[number, number]>): number {
    const r = this.rowLower.length;
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (const [col, v] of terms) if (v !== 0) this.entries[col].push([r, v]);
    return r;
  }
  done(): SparseModel {
    const n = this.cost.length;
    const starts = new Int32Array(n + 1);
    let nnz = 0;
    for (let j = 0; j < n; j++) nnz += this.entries[j].length;
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let k = 0;
    for (let j = 0; j < n; j++) {
      starts[j] = k;
      for (const [r, v] of this.entries[j]) {
        indices[k] = r;
        values[k++] = v;
      }
    }
    starts[n] = k;
    return {
      numCols: n,
      numRows: this.rowLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      starts,
      indices,
      values,
      integrality: Int32Array.from(this.integer),
    };
  }
}

/** Objective of a column vector (for checking a decoded answer against the solver's). */
export function objectiveOf(model: SparseModel, x: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < model.numCols; j++) s += model.colCost[j] * x[j];
  return s;
}
