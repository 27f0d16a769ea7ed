import { ApiError } from './api-error';
import { createApiClient } from './api-client';
import type { TokenStore } from './token-store';
import type { AuthResult, TokenPair, User } from './types';

/** A store kept in memory, as localStorage would keep it. */
function memoryStore(tokens: TokenPair | null): TokenStore & { tokens: TokenPair | null } {
  let user: User | null = null;
  const store = {
    tokens,
    getAccessToken: () => store.tokens?.accessToken ?? null,
    getRefreshToken: () => store.tokens?.refreshToken ?? null,
    getUser: () => user,
    saveSession: (result: AuthResult) => {
      store.tokens = { accessToken: result.accessToken, refreshToken: result.refreshToken };
      user = result.user;
    },
    saveTokens: (next: TokenPair) => {
      store.tokens = next;
    },
    saveUser: (next: User) => {
      user = next;
    },
    clear: () => {
      store.tokens = null;
      user = null;
    },
  };
  return store;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * The gateway as the client meets it: `/api/me` refuses the expired access token, `/auth/refresh`
 * answers as `refreshAnswer` says; every request is kept with the token it carried.
 */
function gateway(refreshAnswer: () => Response) {
  const sent: { path: string; token: string | null }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = new URL(String(input), 'http://arogyam.test').pathname;
    const authorization = new Headers(init?.headers).get('Authorization');
    const token = authorization?.replace(/^Bearer /, '') ?? null;
    sent.push({ path, token });
    if (path === '/api/auth/refresh') return refreshAnswer();
    if (token === 'fresh-access') return json(200, { ok: true });
    return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in again.' });
  };
  return { sent, fetchImpl };
}

function clientOf(refreshAnswer: () => Response) {
  const store = memoryStore({ accessToken: 'expired-access', refreshToken: 'refresh-1' });
  const { sent, fetchImpl } = gateway(refreshAnswer);
  const client = createApiClient({ baseUrl: '/api', store, fetchImpl });
  const expired = jest.fn();
  client.onSessionExpired(expired);
  return { client, store, sent, expired };
}

describe('the API client renewing a session after a 401', () => {
  it('renews once and retries the call with the new access token', async () => {
    const { client, store, sent, expired } = clientOf(() =>
      json(200, { accessToken: 'fresh-access', refreshToken: 'refresh-2' }),
    );
    await expect(client.get('/me')).resolves.toEqual({ ok: true });
    expect(sent.map((request) => [request.path, request.token])).toEqual([
      ['/api/me', 'expired-access'],
      ['/api/auth/refresh', null],
      ['/api/me', 'fresh-access'],
    ]);
    expect(store.tokens).toEqual({ accessToken: 'fresh-access', refreshToken: 'refresh-2' });
    expect(expired).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh token is refused', async () => {
    const { client, store, sent, expired } = clientOf(() =>
      json(401, { statusCode: 401, error: 'Unauthorized', message: 'This session has ended.' }),
    );
    await expect(client.get('/me')).rejects.toMatchObject({ statusCode: 401 });
    expect(store.tokens).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    // The call is tried once more as a visitor, so public pages keep working.
    expect(sent.at(-1)).toEqual({ path: '/api/me', token: null });
  });

  it.each([
    [
      429,
      { statusCode: 429, error: 'Too Many Requests', message: 'Too many attempts. Try again in 40 seconds.' },
    ],
    [503, { statusCode: 503, error: 'Service Unavailable', message: 'user-service did not answer' }],
  ])('keeps the session when the refresh is answered %i, and says why', async (status, body) => {
    const { client, store, expired } = clientOf(() => json(status, body));
    const failure = await client.get('/me').catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).statusCode).toBe(status);
    expect(store.tokens).toEqual({ accessToken: 'expired-access', refreshToken: 'refresh-1' });
    expect(expired).not.toHaveBeenCalled();
  });

  it('shares one renewal among calls refused together (a refresh token is good once)', async () => {
    const { client, sent } = clientOf(() =>
      json(200, { accessToken: 'fresh-access', refreshToken: 'refresh-2' }),
    );
    await Promise.all([client.get('/me'), client.get('/me'), client.get('/me')]);
    expect(sent.filter((request) => request.path === '/api/auth/refresh')).toHaveLength(1);
  });
});
