import { createHash } from 'node:crypto';
import { RefreshTokenCodec } from './refresh-token-codec';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

describe('RefreshTokenCodec', () => {
  describe('create', () => {
    it('makes `<uuid>.<secret>` with 256 random bits of base64url secret', () => {
      const { id, secret, token } = RefreshTokenCodec.create();

      expect(id).toMatch(UUID);
      expect(secret).toMatch(BASE64URL);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      expect(token).toBe(`${id}.${secret}`);
    });

    it('never repeats an id or a secret', () => {
      const tokens = Array.from({ length: 200 }, () => RefreshTokenCodec.create());

      expect(new Set(tokens.map((t) => t.id)).size).toBe(200);
      expect(new Set(tokens.map((t) => t.secret)).size).toBe(200);
    });

    it('uses the id it is given, with a fresh secret', () => {
      const first = RefreshTokenCodec.create('given-id');
      const second = RefreshTokenCodec.create('given-id');

      expect(first.id).toBe('given-id');
      expect(first.token).toBe(`given-id.${first.secret}`);
      expect(second.secret).not.toBe(first.secret);
    });

    it('makes tokens the RefreshTokenDto accepts (10 to 512 characters)', () => {
      const { token } = RefreshTokenCodec.create();

      expect(token.length).toBeGreaterThanOrEqual(10);
      expect(token.length).toBeLessThanOrEqual(512);
    });
  });

  describe('successorId', () => {
    const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

    it('is the same for the same token, so only one successor can ever be stored', () => {
      const { id } = RefreshTokenCodec.create();

      expect(RefreshTokenCodec.successorId(id)).toBe(RefreshTokenCodec.successorId(id));
    });

    it('is UUID-shaped (version 8), differs from its parent and along a chain', () => {
      const chain = [RefreshTokenCodec.create().id];
      for (let i = 0; i < 50; i += 1) chain.push(RefreshTokenCodec.successorId(chain[i]));

      for (const id of chain.slice(1)) expect(id).toMatch(UUID_V8);
      expect(new Set(chain).size).toBe(chain.length);
    });

    it('differs between tokens', () => {
      const ids = Array.from({ length: 200 }, () =>
        RefreshTokenCodec.successorId(RefreshTokenCodec.create().id),
      );

      expect(new Set(ids).size).toBe(200);
    });

    it('makes ids that parse back out of a token', () => {
      const next = RefreshTokenCodec.create(RefreshTokenCodec.successorId(RefreshTokenCodec.create().id));

      expect(RefreshTokenCodec.parse(next.token)).toEqual({ id: next.id, secret: next.secret });
    });
  });

  describe('parse', () => {
    it('gives back the parts of a created token', () => {
      const { id, secret, token } = RefreshTokenCodec.create();

      expect(RefreshTokenCodec.parse(token)).toEqual({ id, secret });
    });

    it.each([
      ['an empty string', ''],
      ['no separator', 'abcdefghijklmnop'],
      ['a lone separator', '.'],
      ['no id', '.secret'],
      ['no secret', 'id.'],
      ['three parts', 'id.secret.extra'],
      ['an empty third part', 'id.secret.'],
      ['a JWT-shaped string', 'header.payload.signature'],
    ])('refuses %s', (_what, token) => {
      expect(RefreshTokenCodec.parse(token)).toBeNull();
    });
  });

  describe('hash', () => {
    it('is the base64url SHA-256 of the secret, so the stored value is not the secret', () => {
      const { secret } = RefreshTokenCodec.create();
      const hashed = RefreshTokenCodec.hash(secret);

      expect(hashed).toBe(createHash('sha256').update(secret).digest('base64url'));
      expect(hashed).toMatch(BASE64URL);
      expect(hashed).toHaveLength(43);
      expect(hashed).not.toBe(secret);
    });

    it('is deterministic and differs between secrets', () => {
      expect(RefreshTokenCodec.hash('one-secret')).toBe(RefreshTokenCodec.hash('one-secret'));
      expect(RefreshTokenCodec.hash('one-secret')).not.toBe(RefreshTokenCodec.hash('one-secreT'));
    });
  });

  describe('matches', () => {
    const { secret } = RefreshTokenCodec.create();
    const stored = RefreshTokenCodec.hash(secret);

    it('accepts the secret whose hash is stored', () => {
      expect(RefreshTokenCodec.matches(secret, stored)).toBe(true);
    });

    it('refuses another secret', () => {
      expect(RefreshTokenCodec.matches(RefreshTokenCodec.create().secret, stored)).toBe(false);
      expect(RefreshTokenCodec.matches(`${secret}x`, stored)).toBe(false);
    });

    it('refuses the stored hash presented as the secret', () => {
      expect(RefreshTokenCodec.matches(stored, stored)).toBe(false);
    });

    it('refuses, without throwing, a stored value of another length', () => {
      expect(RefreshTokenCodec.matches(secret, '')).toBe(false);
      expect(RefreshTokenCodec.matches(secret, stored.slice(1))).toBe(false);
      expect(RefreshTokenCodec.matches(secret, `${stored}=`)).toBe(false);
    });
  });
});
