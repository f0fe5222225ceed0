/**
 * A cell as written into a CSV meant for people: a spreadsheet opening the file runs a cell
 * that starts with = + - or @ (and some also after a tab or CR) as a formula, so a value
 * such as `=1+1`, `@SUM(A1)` or `+cmd|' /C calc'!A0` copied from an input file or a model's
 * labels is neutralised with a leading `'` (OWASP's advice on CSV injection). A number
 * (`-1.5`, `+3`, `-1,5`) is written as it is.
 */
import { parseNumber } from './values';

/** The first characters a spreadsheet reads as the start of a formula (the NumPy export's script uses them too). */
export const FORMULA_START = '=+-@\t\r';

/** `cell`, or `'` + cell when it is not a number and starts with = + - @, tab or CR. */
export function spreadsheetSafe(cell: string): string {
  if (cell.length === 0 || !FORMULA_START.includes(cell[0])) return cell;
  return Number.isNaN(parseNumber(cell, true)) ? `'${cell}` : cell;
}
