/** A cell: text is quoted as needed and guarded against spreadsheet formulas; numbers go as they are. */
export type Cell = string | number | null;

/**
 * The separator Excel expects where the decimal separator is a comma, as in Russian and Kazakh
 * settings: with "," such a file opens as one column.
 */
export const CSV_SEPARATOR = ";";

/**
 * One CSV field (RFC 4180 with ";"): quoted when it holds the separator, a quote or a line break,
 * quotes doubled. Numbers get a decimal comma, which Excel set to ru/kk reads as a number ("1.5"
 * would become a date there). Text starting with = + - @ or a tab would run as a formula in Excel or
 * LibreOffice, so it gets a leading apostrophe (OWASP's advice against CSV injection): comments are
 * free text from anyone.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell).replace(".", ",");
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: UTF-8 BOM (so Excel reads Cyrillic right), ";" between fields, CRLF line ends. */
export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}
