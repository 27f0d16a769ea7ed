import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@arogyam/contracts';
import { ERROR_CODE_MESSAGES } from '../api/error-code-messages';
import hindi from './hi.json';

const repo = join(__dirname, '..', '..', '..', '..');
const SOURCES = ['libs/ui/src', 'apps/patient-web/src', 'apps/doctor-web/src', 'apps/admin-web/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every literal text the code translates: `t('…')`, `translate('…')`, `<Translated text="…">`, and
 * the texts given to components that translate what they show (labels, hints, headings, nav items).
 */
function translatedTexts(): Map<string, string> {
  const found = new Map<string, string>();
  const calls = /\b(?:t|translate)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  const sentences = /\btext=(["'])((?:\\.|(?!\1)[^\\])*)\1/g;
  const props =
    /\b(?:label|hint|title|loadingLabel|errorTitle|emptyTitle|heading|emptyHint|placeholder)=(["'])((?:(?!\1)[^{}])*[A-Za-z]{2}(?:(?!\1)[^{}])*)\1/g;
  const labels = /\blabel:\s*(['"])((?:(?!\1).)*[A-Za-z]{2}(?:(?!\1).)*)\1/g;
  for (const root of SOURCES) {
    for (const file of sourceFiles(join(repo, root))) {
      const source = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\*|\*|\/\/)/.test(line)) // comments show examples
        .join('\n');
      for (const pattern of [calls, sentences, props, labels]) {
        for (const match of source.matchAll(pattern)) {
          found.set(match[2].replace(/\\(['"\\])/g, '$1'), file.slice(repo.length + 1));
        }
      }
    }
  }
  return found;
}

describe('the Hindi catalogue', () => {
  const catalogue = hindi as Record<string, string>;
  const texts = translatedTexts();

  it('has every text the apps translate (a missing one would show in English)', () => {
    expect(texts.size).toBeGreaterThan(150); // the scan itself works
    const missing = [...texts].filter(([text]) => !catalogue[text]).map(([text, file]) => `${file}: ${text}`);
    expect(missing).toEqual([]);
  });

  it('keeps every {{placeholder}} of the English in the Hindi', () => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const broken = Object.entries(catalogue).filter(
      ([english, hindiText]) => placeholders(english).join() !== placeholders(hindiText).join(),
    );
    expect(broken).toEqual([]);
  });

  it('is Hindi: every entry is in Devanagari, not English left as it was', () => {
    const untranslated = Object.entries(catalogue).filter(
      ([english, hindiText]) => !/[\u0900-\u097F]/.test(hindiText) && english !== 'SMS',
    );
    expect(untranslated).toEqual([]);
  });

  it('has, for every error code, a sentence in Hindi (shown when a service’s own words have none)', () => {
    expect(Object.keys(ERROR_CODE_MESSAGES).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    const missing = Object.values(ERROR_CODE_MESSAGES).filter((message) => !catalogue[message]);
    expect(missing).toEqual([]);
  });
});
