import { scriptRuns } from './script-runs';

describe('scriptRuns', () => {
  it('keeps Latin text, accents and the rupee sign in one Latin run', () => {
    expect(scriptRuns('Łukasz Müller · ₹500, 2×/day')).toEqual([
      { script: 'latin', text: 'Łukasz Müller · ₹500, 2×/day' },
    ]);
  });

  it('keeps a Devanagari name, its spaces and conjuncts in one run', () => {
    expect(scriptRuns('मीरा अय्यर')).toEqual([{ script: 'devanagari', text: 'मीरा अय्यर' }]);
  });

  it('splits mixed text where the script changes; neutral characters stay with the run before', () => {
    expect(scriptRuns('Patient: राहुल शर्मा (Rahul), தமிழ் 2')).toEqual([
      { script: 'latin', text: 'Patient: ' },
      { script: 'devanagari', text: 'राहुल शर्मा (' },
      { script: 'latin', text: 'Rahul), ' },
      { script: 'tamil', text: 'தமிழ் 2' },
    ]);
  });

  it('gives leading neutral characters to the first run, and text without letters one Latin run', () => {
    expect(scriptRuns('1. ক্যালপল')).toEqual([{ script: 'bengali', text: '1. ক্যালপল' }]);
    expect(scriptRuns('')).toEqual([{ script: 'latin', text: '' }]);
    expect(scriptRuns('12:30 ·')).toEqual([{ script: 'latin', text: '12:30 ·' }]);
  });

  it('recognises each Indic script the PDF has a font for', () => {
    const samples: Record<string, string> = {
      devanagari: 'क',
      bengali: 'ক',
      gurmukhi: 'ਕ',
      gujarati: 'ક',
      oriya: 'କ',
      tamil: 'க',
      telugu: 'క',
      kannada: 'ಕ',
      malayalam: 'ക',
    };
    for (const [script, letter] of Object.entries(samples)) {
      expect(scriptRuns(letter)).toEqual([{ script, text: letter }]);
    }
  });
});
