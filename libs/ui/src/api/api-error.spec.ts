import { i18n, type Catalogue } from '../i18n/i18n';
import hindi from '../i18n/hi.json';
import { ApiError } from './api-error';
import { ERROR_CODE_MESSAGES } from './error-code-messages';

const body = (code: string, message: string) => ({ statusCode: 409, error: 'Conflict', code, message });

describe('ApiError messages in the page’s language', () => {
  beforeAll(async () => {
    // The apps' instance as startI18n sets it up, without a browser's storage and document.
    await i18n.init({
      lng: 'en',
      fallbackLng: false,
      keySeparator: false,
      nsSeparator: false,
      initAsync: false,
      resources: { hi: { translation: hindi as Catalogue } },
    });
  });

  it('keeps the service’s sentence in English', async () => {
    await i18n.changeLanguage('en');
    expect(ApiError.fromResponse(409, body('slot_taken', 'Somebody took 10:30 a moment ago.')).message).toBe(
      'Somebody took 10:30 a moment ago.',
    );
  });

  it('in Hindi, keeps a sentence the catalogue translates, and gives the code’s sentence for one it does not', async () => {
    await i18n.changeLanguage('hi');
    const known = ApiError.fromResponse(400, {
      ...body('invalid_input', 'This password is too easy to guess.'),
      statusCode: 400,
    });
    expect(known.message).toBe('This password is too easy to guess.');
    const unknown = ApiError.fromResponse(409, body('slot_taken', 'Somebody took 10:30 a moment ago.'));
    expect(unknown.message).toBe(ERROR_CODE_MESSAGES.slot_taken);
    expect(i18n.t(unknown.message)).toBe((hindi as Catalogue)[ERROR_CODE_MESSAGES.slot_taken]);
    // A code the app does not know keeps the service's words, and no code of its own.
    const strange = ApiError.fromResponse(409, body('toString', 'Odd.'));
    expect([strange.message, strange.code]).toEqual(['Odd.', undefined]);
  });
});
