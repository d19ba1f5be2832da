// CSV that Dutch Excel opens right: UTF-8 with a byte-order mark, `;` between fields, CRLF between rows.
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    // Quote when needed; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}
