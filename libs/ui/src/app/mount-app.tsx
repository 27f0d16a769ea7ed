import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { TokenStore } from '../api/token-store';
import { SessionProvider } from '../auth/session-context';

export interface MountAppOptions {
  api: ApiClient;
  store: TokenStore;
}

/** Renders an app into index.html's `<div id="root">`, inside the router and the app's session. */
export function mountApp(app: ReactNode, { api, store }: MountAppOptions): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html must contain <div id="root">');

  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider api={api} store={store}>
          {app}
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
