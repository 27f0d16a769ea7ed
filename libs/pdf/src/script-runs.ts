/**
 * The scripts a prescription's text may be in, each set in its own Noto Sans family
 * (pdf-fonts.ts). `latin` stands for everything outside the Indic blocks: Noto Sans also covers
 * Latin with every accent, Greek, Cyrillic and the rupee sign.
 */
export type PdfScript =
  | 'latin'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'oriya'
  | 'tamil'
  | 'telugu'
  | 'kannada'
  | 'malayalam';

export interface ScriptRun {
  script: PdfScript;
  text: string;
}

/** Unicode blocks of the Indic scripts (Devanagari also has its Extended and Vedic blocks). */
const INDIC_BLOCKS: readonly [PdfScript, number, number][] = [
  ['devanagari', 0x0900, 0x097f],
  ['bengali', 0x0980, 0x09ff],
  ['gurmukhi', 0x0a00, 0x0a7f],
  ['gujarati', 0x0a80, 0x0aff],
  ['oriya', 0x0b00, 0x0b7f],
  ['tamil', 0x0b80, 0x0bff],
  ['telugu', 0x0c00, 0x0c7f],
  ['kannada', 0x0c80, 0x0cff],
  ['malayalam', 0x0d00, 0x0d7f],
  ['devanagari', 0x1cd0, 0x1cff],
  ['devanagari', 0xa8e0, 0xa8ff],
];

/**
 * Characters every script shares: spaces, punctuation, digits, the dandas (used by several
 * Indic scripts) and the zero-width (non-)joiners. They stay in the run around them, so a name
 * like "मीरा अय्यर" is one run and shapes as one.
 */
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\u0964\u0965\u200c\u200d]/u;

function scriptOf(char: string): PdfScript | undefined {
  if (NEUTRAL.test(char)) return undefined;
  const code = char.codePointAt(0) ?? 0;
  return INDIC_BLOCKS.find(([, from, to]) => code >= from && code <= to)?.[0] ?? 'latin';
}

/**
 * Splits text into runs of one script each, in order, so each run can be set in a font that has
 * its letters (pdfkit has no font fallback). Neutral characters join the run before them, or the
 * first run when the text starts with them. Text with no letters is one Latin run.
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let leading = '';
  for (const char of text) {
    const script = scriptOf(char);
    const current = runs[runs.length - 1];
    if (script === undefined) {
      if (current) current.text += char;
      else leading += char;
    } else if (current?.script === script) {
      current.text += char;
    } else {
      runs.push({ script, text: runs.length === 0 ? leading + char : char });
    }
  }
  return runs.length > 0 ? runs : [{ script: 'latin', text: leading }];
}
