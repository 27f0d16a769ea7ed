import { newVerificationCode, VERIFICATION_CODE_LENGTH } from './verification-code';

describe('newVerificationCode', () => {
  it('is 12 characters of Crockford base32, without the easily misread I, L, O and U', () => {
    for (let i = 0; i < 200; i++) {
      expect(newVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    }
    expect(VERIFICATION_CODE_LENGTH).toBe(12);
  });

  it('does not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newVerificationCode));
    expect(codes.size).toBe(5000);
  });

  it('uses the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 500 }, newVerificationCode).join(''));
    expect(seen.size).toBe(32);
  });
});
