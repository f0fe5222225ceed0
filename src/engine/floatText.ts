/**
 * Numbers written as Python writes them (`repr(float)`): the shortest text that reads back
 * as the same double, with an exponent below 1e-4 and from 1e16 on (`8.2e-05`, `1e+16`) and a
 * `.0` on whole numbers. So a CSV the engine writes is byte for byte the one numpy and pandas
 * write for the same values.
 */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = x.toExponential(); // shortest round-trip digits, as String(x)
  const at = exp.indexOf('e');
  const e = Number(exp.slice(at + 1));
  if (e < -4 || e >= 16) {
    const sign = e < 0 ? '-' : '+';
    const digits = String(Math.abs(e)).padStart(2, '0');
    return `${exp.slice(0, at)}e${sign}${digits}`;
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}
