/**
 * What an unexpected failure may write to a log: its name, code, the failing paths of a mongoose
 * validation error and where it happened, never its message. Messages quote values (mongoose's
 * "Path `body` (`HIV+ CD4 200 …`) is longer …", JSON.parse's excerpt), and values here are
 * clinical text, tokens or phone numbers.
 */
export function failureForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const fields = (error as { errors?: unknown }).errors;
  const paths =
    error.name === 'ValidationError' && typeof fields === 'object' && fields !== null
      ? ` on ${Object.keys(fields).join(', ')}`
      : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}${paths} (message withheld: it may quote user input)${frames ? `\n${frames}` : ''}`;
}

/** failureForLog's first line (kind, code, paths; no message, no frames): a reason fit for an admin's screen. */
export const failureSummary = (error: unknown): string => failureForLog(error).split('\n')[0];
