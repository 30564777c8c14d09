/** A cell: text is quoted as needed and guarded against spreadsheet formulas; numbers go as they are. */
export type Cell = string | number | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text starting with = + - @ or a tab would run as a formula in Excel or LibreOffice, so it gets a
 * leading apostrophe (OWASP's advice against CSV injection): comments are free text from anyone.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: UTF-8 BOM (so Excel reads Cyrillic right), CRLF line ends. */
export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
