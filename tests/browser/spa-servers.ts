import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, stopProcess, waitForPort } from '@arogyam/testing';

export interface SpaServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves a built SPA (apps/<app>/dist) with `vite preview`, proxying /api and /socket.io to the gateway. */
export async function serveSpa(app: string, gatewayUrl: string): Promise<SpaServer> {
  const appDir = join(repoRoot, 'apps', app);
  if (!existsSync(join(appDir, 'dist', 'index.html')))
    throw new Error(`${app} is not built: run npm run build first`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: appDir, env: { ...process.env, GATEWAY_URL: gatewayUrl }, stdio: 'ignore' },
  );
  await waitForPort(port, '127.0.0.1', 20000);
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}
