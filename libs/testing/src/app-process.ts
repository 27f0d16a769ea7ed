import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './binaries';
import { stopProcess } from './local-infra';
import { processStat } from './process-stat';

export interface AppProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: a crash, not a graceful stop. */
  kill(): Promise<void>;
}

export interface StartAppOptions {
  env: Record<string, string>;
  /** A line of output that means "ready"; default the bootstrap's "ready" log. */
  readyPattern?: RegExp;
  timeoutMs?: number;
}

let profilesNamed = 0;
/**
 * Node flags for every app started here, from AROGYAM_NODE_ARGS (for example
 * `--cpu-prof --cpu-prof-dir=tmp/prof` to profile a benchmark: docs/development.md).
 */
const extraNodeArgs = (app: string): string[] => {
  const args = (process.env.AROGYAM_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Profiles named after their app (node's default names them by time and pid only).
  const profiling = args.includes('--cpu-prof') && !args.some((arg) => arg.startsWith('--cpu-prof-name'));
  return profiling ? [...args, `--cpu-prof-name=${app}.${Date.now()}.${++profilesNamed}.cpuprofile`] : args;
};

/**
 * The environment every app runs with, here as in its image (deploy/docker/node-app.Dockerfile).
 * glibc serves large allocations from its heap once one was freed, and then keeps that memory:
 * user-service's argon2 hashes (19 MiB each, four at a time) left it at 220 MB for good. A fixed
 * threshold maps every allocation over 128 KiB on its own and gives it back when freed (eight
 * hashes: 119 MB of RSS kept before, none after). Two malloc arenas instead of glibc's eight per
 * core: each thread that allocates (V8's GC helpers, libuv's pool) otherwise keeps an arena of
 * its own with what it freed (appointment-service with 500,000 appointments: 213 → 109 MB).
 *
 * V8's heap: with 24 GB of memory, V8 lets the old generation grow toward gigabytes before its
 * first full collection, so a busy process keeps what it stopped using: the gateway read 258 MB
 * of RSS after the growth benchmark's reads with 30 MB of live objects. A 256 MB old generation
 * (under the Kubernetes limits, 384Mi–1Gi) makes it collect at a size that matters, and 8 MB
 * semi-spaces (instead of 16) halve what the young generation keeps: 86 MB after the same
 * kind of load and 30 s idle, against 178 (docs/benchmarks.md, "Memory").
 */
export const APP_PROCESS_ENV = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
  NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=8',
} as const;

/**
 * How long an app may take to say it is ready. Under a full test run (two workers, each starting
 * a dozen processes on two cores) a start takes 3–8 s; CI twice saw one print nothing for 17 s
 * after its modules initialised and fail a 20 s limit, so the limit is wider and a start that
 * misses it says what its process was doing (processState).
 */
const READY_TIMEOUT_MS = 40_000;

/**
 * What a start that missed its time was doing: the process's scheduler state and CPU seconds
 * (busy, waiting, or never scheduled), and how late this process's own timer fired (a machine
 * that stalled everything shows here too).
 */
function processState(pid: number | undefined, lateMs: number): string {
  const late = `this test's timer fired ${lateMs} ms late`;
  const stat = pid === undefined ? undefined : processStat(pid);
  return stat ? `process state ${stat.state}, ${stat.cpuSeconds} s of CPU so far; ${late}` : late;
}

/**
 * Runs a built app (`apps/<name>/dist/main.js`) as its own process, the way it runs in
 * production, and resolves once it logs that it is ready.
 */
export function startApp(name: string, options: StartAppOptions): Promise<AppProcess> {
  const readyPattern = options.readyPattern ?? /ready/;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [...extraNodeArgs(name), join(repoRoot, 'apps', name, 'dist', 'main.js')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...APP_PROCESS_ENV, LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const handle: AppProcess = {
    name,
    pid: child.pid,
    output: () => output,
    stop: () => stopProcess(child),
    kill: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  const due = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const state = processState(child.pid, Date.now() - due);
      child.kill('SIGKILL');
      reject(new Error(`${name} did not become ready in ${timeoutMs} ms (${state}):\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve(handle);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`));
    });
  });
}
