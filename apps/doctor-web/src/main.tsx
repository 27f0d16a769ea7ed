import '@arogyam/ui/styles.css';
import { SessionProvider } from '@arogyam/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app';
import { api, store } from './session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider api={api} store={store}>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
