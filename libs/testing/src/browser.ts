import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './binaries';
import { stopProcess } from './local-infra';
import { freePort, waitForPort } from './ports';

/**
 * Debian's chromium, headless, with a fake camera and microphone that need no permission prompt;
 * the background-networking flags keep it off the closed network. Shared by the browser tests and
 * the video benchmark (benchmarks/video.mjs).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Three fake cameras (and Chromium's three fake microphones): tests switch devices mid-call.
  // fake_device_1 sends Y16 (a depth camera) that WebRTC cannot encode: tests pick fake_device_2.
  '--use-fake-device-for-media-stream=device-count=3',
  '--use-fake-ui-for-media-stream',
];

/**
 * `answersMediaPrompts: false` leaves out `--use-fake-ui-for-media-stream`: the page must be
 * allowed the camera and microphone as a person allows them (a test of a refusal).
 */
export async function launchChromium({ answersMediaPrompts = true } = {}): Promise<Browser> {
  // Loaded here, not at the top: most users of this library never open a browser.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: answersMediaPrompts
      ? CHROMIUM_ARGS
      : CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream'),
  });
}

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

/** What a person types to sign in. */
export interface Account {
  email: string;
  password: string;
}

/** Logs in on an app's login page (patient, doctor or admin) and waits until the app has moved on. */
export async function logIn(page: Page, appUrl: string, account: Account): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}
