/** A place in a text: `[start, end)` as JavaScript string offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Every match of `pattern` in `text` that `accept` (if given) keeps, as spans. The pattern is
 * always run globally; a zero-length match never stalls the loop.
 */
export function spansOf(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => boolean = () => true,
): TextSpan[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  const spans: TextSpan[] = [];
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (match[0].length === 0) {
      global.lastIndex += 1;
      continue;
    }
    if (accept(match)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

export const digitCount = (text: string): number => text.replace(/\D/g, '').length;
