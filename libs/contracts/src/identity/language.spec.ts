import { languageOfAcceptLanguage } from './language';

describe('languageOfAcceptLanguage', () => {
  it.each([
    ['hi', 'hi'],
    ['hi-IN,hi;q=0.9,en;q=0.8', 'hi'],
    ['en-GB,en;q=0.9,hi;q=0.8', 'en'],
    ['fr-FR,hi;q=0.5', 'hi'], // the first language Arogyam writes, by q
    ['en;q=0.2, HI-in;q=0.7', 'hi'],
    ['hi;q=0, en', 'en'], // q=0: not acceptable
    ['fr, de', 'en'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [';;,,q=abc', 'en'],
  ])('%j → %s', (header, language) => {
    expect(languageOfAcceptLanguage(header)).toBe(language);
  });
});
