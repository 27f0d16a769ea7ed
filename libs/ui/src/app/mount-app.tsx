import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { TokenStore } from '../api/token-store';
import { SessionProvider } from '../auth/session-context';
import { startI18n } from '../i18n/i18n';
import { LanguageRoot } from '../i18n/language-root';
import { SocketProvider } from '../socket/socket-provider';

export interface MountAppOptions {
  api: ApiClient;
  store: TokenStore;
}

/**
 * Renders an app into index.html's `<div id="root">`, inside the router, the app's session and its
 * realtime connection (one socket while signed in).
 */
export function mountApp(app: ReactNode, { api, store }: MountAppOptions): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html must contain <div id="root">');

  startI18n();
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider api={api} store={store}>
          <SocketProvider api={api} store={store}>
            <LanguageRoot>{app}</LanguageRoot>
          </SocketProvider>
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
