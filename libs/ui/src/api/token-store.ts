import type { AuthResult, TokenPair, User } from './types';

/** Where an app keeps its signed-in session between page loads. */
export interface TokenStore {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  getUser(): User | null;
  saveSession(result: AuthResult): void;
  saveTokens(tokens: TokenPair): void;
  saveUser(user: User): void;
  clear(): void;
}

/**
 * Keeps tokens and the user in localStorage under a per-app prefix (e.g. `arogyam.patient`), so a
 * patient and a doctor signed in on the same origin never read each other's session.
 */
export function createTokenStore(prefix: string, storage: Storage = window.localStorage): TokenStore {
  const keys = {
    accessToken: `${prefix}.accessToken`,
    refreshToken: `${prefix}.refreshToken`,
    user: `${prefix}.user`,
  };

  const read = (key: string): string | null => {
    try {
      return storage.getItem(key);
    } catch {
      return null; // storage disabled (private mode, policy): behave as signed out
    }
  };

  const saveTokens = (tokens: TokenPair): void => {
    storage.setItem(keys.accessToken, tokens.accessToken);
    storage.setItem(keys.refreshToken, tokens.refreshToken);
  };

  const saveUser = (user: User): void => storage.setItem(keys.user, JSON.stringify(user));

  return {
    getAccessToken: () => read(keys.accessToken),
    getRefreshToken: () => read(keys.refreshToken),
    getUser: () => parseUser(read(keys.user)),
    saveSession: (result) => {
      saveTokens(result);
      saveUser(result.user);
    },
    saveTokens,
    saveUser,
    clear: () => Object.values(keys).forEach((key) => storage.removeItem(key)),
  };
}

function parseUser(json: string | null): User | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isUser(value) ? value : null;
  } catch {
    return null;
  }
}

function isUser(value: unknown): value is User {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.role === 'string' &&
    typeof candidate.fullName === 'string'
  );
}
