/** A plain-text table for the terminal; widths by characters, so Czech diacritics line up. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const width = (text: string) => [...text].length;
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
