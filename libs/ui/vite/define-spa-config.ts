import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions, type UserConfig } from 'vite';

export interface SpaConfigOptions {
  /** The app's port in dev and preview; `PORT` in the environment overrides it. */
  port: number;
}

// @arogyam/ui is shipped as source and compiled with each app.
const uiSource = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The Vite config of the patient, doctor and admin SPAs. The SPA and the API share one origin: /api and
 * /socket.io are proxied to the gateway (`GATEWAY_URL`), in dev and preview.
 */
export function defineSpaConfig({ port: defaultPort }: SpaConfigOptions): UserConfig {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const port = Number(process.env.PORT ?? defaultPort);
  const proxy: Record<string, ProxyOptions> = {
    '/api': { target: gateway, changeOrigin: true },
    '/socket.io': { target: gateway, changeOrigin: true, ws: true },
  };

  return defineConfig({
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
}
