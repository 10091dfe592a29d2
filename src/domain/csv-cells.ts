/**
 * CSV cells that a spreadsheet reads as data, never as a formula. A text cell starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and Google
 * Sheets (OWASP "CSV Injection"), so such a cell gets a leading apostrophe, which spreadsheets show
 * as text. Numbers are written as numbers, negative amounts included: they are not text.
 */

/** A cell value as a report holds it. */
export type CsvValue = string | number | boolean | null | undefined;

/** A UTF-8 byte order mark, which makes Excel read the file as UTF-8 rather than the local code page. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet shows as it is: an apostrophe before a leading formula character. */
export const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The text of one cell: neutralised when it could start a formula, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (RFC 4180), ending in CRLF. */
export const csvLine = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;
