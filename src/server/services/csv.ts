/**
 * A cell of an export. Text is made inert (see `FORMULA`); numbers and booleans
 * are written as they are, so a negative score stays a number; null is an
 * empty cell. `{ verbatim }` is text the server made (a random id, which may
 * start with `-`) that must reach the file unchanged.
 */
export type CsvCell = string | number | boolean | null | { verbatim: string };

/** RFC 4180: comma-separated, CRLF after every row, a field quoted when it holds a quote, comma or line break. */
export function csv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Excel, LibreOffice and Google Sheets read a cell that starts with = + - @
 * as a formula, some of them after skipping white space or invisible
 * characters; a leading tab or carriage return is suspect whatever follows
 * (OWASP's advice). An apostrophe in front keeps such a cell text.
 */
const FORMULA = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@])/u;

function field(cell: CsvCell): string {
  const text = textOf(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function textOf(cell: CsvCell): string {
  if (typeof cell === 'string') return FORMULA.test(cell) ? `'${cell}` : cell;
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.verbatim;
  return String(cell);
}
