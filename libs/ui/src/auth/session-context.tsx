import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { TokenStore } from '../api/token-store';
import type { AuthResult, User } from '../api/types';
import { followLanguageOnAccount, saveLanguageOnSignIn } from '../i18n/account-language';

export interface Session {
  /** The signed-in user, or null for a visitor. */
  user: User | null;
  /** Starts a session from a login or registration answer. */
  login(result: AuthResult): void;
  /** Revokes the refresh token on the server (best effort) and forgets the session locally. */
  logout(): Promise<void>;
  /** Keeps the header in step after the user edits their own name. */
  updateUser(user: User): void;
}

const SessionContext = createContext<Session | null>(null);

export interface SessionProviderProps {
  api: ApiClient;
  store: TokenStore;
  children: ReactNode;
}

export function SessionProvider({ api, store, children }: SessionProviderProps) {
  const [user, setUser] = useState<User | null>(() => store.getUser());

  // When the API client cannot renew the session, drop the user so guarded pages send them to /login.
  useEffect(() => api.onSessionExpired(() => setUser(null)), [api]);
  // What the services write to the person follows the language they read the app in.
  useEffect(() => followLanguageOnAccount(api, () => store.getAccessToken() !== null), [api, store]);

  const login = useCallback(
    (result: AuthResult) => {
      store.saveSession(result);
      setUser(result.user);
      saveLanguageOnSignIn(api);
    },
    [api, store],
  );

  const logout = useCallback(async () => {
    const refreshToken = store.getRefreshToken();
    try {
      if (refreshToken) await api.post('/auth/logout', { refreshToken });
    } catch {
      // Signing out locally must always work, even if the gateway is unreachable.
    } finally {
      store.clear();
      setUser(null);
    }
  }, [api, store]);

  const updateUser = useCallback(
    (next: User) => {
      store.saveUser(next);
      setUser(next);
    },
    [store],
  );

  const session = useMemo<Session>(
    () => ({ user, login, logout, updateUser }),
    [user, login, logout, updateUser],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}
