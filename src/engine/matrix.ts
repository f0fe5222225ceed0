/**
 * Dense matrices, row-major in one contiguous Float64Array.
 * Examples are columns (the lesson's convention): X is n_x × m, so a row of X holds one
 * feature for every example, contiguous in memory — the inner loops of the kernels run
 * along it.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** From nested arrays, rows first (the model file's layout). */
export function fromRows(values: readonly (readonly number[])[]): Matrix {
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  const m = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const row = values[i];
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} values, expected ${cols}`);
    m.data.set(row, i * cols);
  }
  return m;
}

/** To nested arrays, rows first. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: new Float64Array(m.data) };
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}
