import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type FontkitFont } from 'fontkit';
import { scriptRuns, type PdfScript } from './script-runs';

export type FontWeight = 'regular' | 'bold';

/**
 * Noto Sans families from npm (@expo-google-fonts ships the TTF files; OFL-licensed), one per
 * script: pdfkit's standard fonts have Latin-1 only, so a patient named "राहुल शर्मा" or a
 * Tamil instruction came out as garbage. Each Indic family also has Latin, digits and ₹.
 */
const FAMILIES: Record<PdfScript, string> = {
  latin: 'NotoSans',
  devanagari: 'NotoSansDevanagari',
  bengali: 'NotoSansBengali',
  gurmukhi: 'NotoSansGurmukhi',
  gujarati: 'NotoSansGujarati',
  oriya: 'NotoSansOriya',
  tamil: 'NotoSansTamil',
  telugu: 'NotoSansTelugu',
  kannada: 'NotoSansKannada',
  malayalam: 'NotoSansMalayalam',
};

const STYLE_FOLDERS: Record<FontWeight, string> = { regular: '400Regular', bold: '700Bold' };

const packageOf = (family: string): string =>
  `@expo-google-fonts/${family
    .replace(/^NotoSans/, 'noto-sans')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()}`;

const fontName = (script: PdfScript, weight: FontWeight): string => `${FAMILIES[script]}-${weight}`;

/**
 * Fonts parsed so far, by name: each is parsed once per process, the first time a PDF needs it
 * (parsing a font and preparing its layout tables costs 150–300 ms, far more than a PDF itself).
 */
const parsedFonts = new Map<string, FontkitFont>();
/** The fonts each document has been given (pdfkit embeds only the glyphs it uses). */
const documentFonts = new WeakMap<PDFKit.PDFDocument, Set<string>>();

function parsedFont(script: PdfScript, weight: FontWeight): FontkitFont {
  const name = fontName(script, weight);
  let font = parsedFonts.get(name);
  if (!font) {
    const family = FAMILIES[script];
    const folder = STYLE_FOLDERS[weight];
    const root = dirname(require.resolve(`${packageOf(family)}/package.json`));
    font = create(readFileSync(join(root, folder, `${family}_${folder}.ttf`)));
    parsedFonts.set(name, font);
  }
  return font;
}

/** Sets the script's font on the document, giving it to the document first if it is new there. */
function useFont(doc: PDFKit.PDFDocument, script: PdfScript, weight: FontWeight): void {
  const name = fontName(script, weight);
  let given = documentFonts.get(doc);
  if (!given) documentFonts.set(doc, (given = new Set()));
  if (!given.has(name)) {
    // pdfkit takes a parsed fontkit font as a source (its `layout` marks it); @types/pdfkit lags.
    doc.registerFont(name, parsedFont(script, weight) as unknown as PDFKit.Mixins.PDFFontSource);
    given.add(name);
  }
  doc.font(name);
}

/**
 * Where every run's baseline sits below the top of its line, in points: Noto Sans's ascent.
 * Without it each run would sit on its own font's ascender, and the Indic families (taller, for
 * their marks) would ride above the Latin text of the same line.
 */
function commonBaseline(size: number): number {
  const latin = parsedFont('latin', 'regular');
  return -(latin.ascent / latin.unitsPerEm) * size;
}

export interface TextPlacement {
  /** The font size, in points. */
  size: number;
  weight?: FontWeight;
  /** Where the text starts; the current position when absent. */
  at?: { x: number; y: number };
}

/**
 * Writes text in whatever scripts it mixes: each run in its script's font, as one flowing
 * paragraph (pdfkit's `continued`), so wrapping and options apply to the whole text.
 */
export function writeText(
  doc: PDFKit.PDFDocument,
  text: string,
  { size, weight = 'regular', at }: TextPlacement,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const runs = scriptRuns(text);
  doc.fontSize(size);
  runs.forEach((run, index) => {
    useFont(doc, run.script, weight);
    const textOptions = { baseline: commonBaseline(size), ...options, continued: index < runs.length - 1 };
    if (index === 0 && at) doc.text(run.text, at.x, at.y, textOptions);
    else doc.text(run.text, textOptions);
  });
}

/**
 * One line, centred in `width` from `x`, that never wraps (footers): runs of several scripts are
 * measured and placed side by side, as `continued` text does not centre a line of mixed fonts.
 */
export function writeCentredLine(
  doc: PDFKit.PDFDocument,
  text: string,
  { size, x, y, width }: { size: number; x: number; y: number; width: number },
): void {
  doc.fontSize(size);
  const runs = scriptRuns(text).map((run) => {
    useFont(doc, run.script, 'regular');
    return { ...run, width: doc.widthOfString(run.text) };
  });
  let left = x + Math.max(0, (width - runs.reduce((sum, run) => sum + run.width, 0)) / 2);
  for (const run of runs) {
    doc
      .font(fontName(run.script, 'regular'))
      .text(run.text, left, y, { lineBreak: false, baseline: commonBaseline(size) });
    left += run.width;
  }
}
