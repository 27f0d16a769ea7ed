import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The SPA and the API share one origin: /api and /socket.io are proxied to the gateway, in dev and preview.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const port = Number(process.env.PORT ?? 5173);
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: gateway, changeOrigin: true },
  '/socket.io': { target: gateway, changeOrigin: true, ws: true },
};

// @arogyam/ui is shipped as source and compiled with the app.
const uiSource = fileURLToPath(new URL('../../libs/ui/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@arogyam\/ui$/, replacement: `${uiSource}index.ts` },
      { find: /^@arogyam\/ui\/(.*)$/, replacement: `${uiSource}$1` },
    ],
  },
  build: { outDir: 'dist' },
  server: { host: '127.0.0.1', port, proxy },
  preview: { host: '127.0.0.1', port, proxy },
});
