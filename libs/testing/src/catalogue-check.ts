import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './binaries';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every literal text a service's code translates (`t('…')`, `t("…")`, `` t(`…`) `` without `${`),
 * with the file it is in: what its catalogues must hold.
 */
export function translatedTexts(sourceDirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const calls = /\bt\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const dir of sourceDirs) {
    for (const file of sourceFiles(join(repoRoot, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(calls)) {
        if (match[1] === '`' && match[2].includes('${')) continue;
        found.set(match[2].replace(/\\(['"`\\])/g, '$1'), relative(repoRoot, file));
      }
    }
  }
  return found;
}

/** What is wrong with a catalogue: texts it lacks, lost `{{places}}`, entries not in Devanagari. */
export function catalogueProblems(
  texts: Map<string, string>,
  catalogue: Readonly<Record<string, string>>,
): { missing: string[]; brokenPlaces: string[]; notDevanagari: string[] } {
  const places = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort().join();
  return {
    missing: [...texts].filter(([text]) => !catalogue[text]).map(([text, file]) => `${file}: ${text}`),
    brokenPlaces: Object.entries(catalogue)
      .filter(([english, translated]) => places(english) !== places(translated))
      .map(([english]) => english),
    notDevanagari: Object.entries(catalogue)
      .filter(([, translated]) => !/[\u0900-\u097F]/.test(translated))
      .map(([english]) => english),
  };
}
