import { validateSync } from 'class-validator';
import { MaxTextLength, MinTextLength, textLength } from './text-length';

class Note {
  @MinTextLength(1)
  @MaxTextLength(3)
  text: string;
}

const problems = (text: string): string[] => {
  const note = Object.assign(new Note(), { text });
  return validateSync(note).flatMap((error) => Object.values(error.constraints ?? {}));
};

describe('textLength', () => {
  it('counts code points: an emoji, a variation selector and a lone surrogate each count one', () => {
    expect(textLength('abc')).toBe(3);
    expect(textLength('😀😀')).toBe(2);
    expect(textLength('❤️')).toBe(2);
    expect(textLength('\ud83d')).toBe(1);
    expect(textLength('नमस्ते')).toBe([...'नमस्ते'].length);
  });

  it('is what the decorators enforce', () => {
    expect(problems('😀😀😀')).toEqual([]);
    expect(problems('😀😀😀😀')).toEqual(['text must be shorter than or equal to 3 characters']);
    expect(problems('')).toEqual(['text must be longer than or equal to 1 characters']);
  });
});
