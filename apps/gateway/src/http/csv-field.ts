/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a leading `'` when a
 * spreadsheet would take it for a formula (`=`, `+`, `-`, `@`): an id a client chose could otherwise run.
 */
export function csvField(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
