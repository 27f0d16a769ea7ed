import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findFerretDb, findNatsServer } from './binaries';
import { freePort, waitForPort } from './ports';

export interface Infra {
  mongoUrl: string;
  natsUrl: string;
  /** How it was provided, for logs: env, docker or local. */
  source: 'env' | 'docker' | 'local';
  /** The servers' process ids when they run here (benchmarks read their CPU time from /proc). */
  pids?: { mongo?: number; nats?: number };
  stop(): Promise<void>;
}

export interface LocalInfraOptions {
  /** Keep data here (the platform's .data/); default a temp dir removed on stop. */
  dataDir?: string;
  mongoPort?: number;
  natsPort?: number;
  /** Where the servers' output goes; default discarded. */
  logDir?: string;
}

export const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

export function launch(
  binary: string,
  args: string[],
  logDir: string | undefined,
  name: string,
): ChildProcess {
  const out = logDir ? openSync(join(logDir, `${name}.log`), 'a') : 'ignore';
  const child = spawn(binary, args, { stdio: ['ignore', out, out] });
  child.unref();
  return child;
}

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

/** nats-server with JetStream on a free loopback port, its store in a temp dir. */
export async function startLocalNats(): Promise<LocalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'arogyam-nats-'));
  const port = await freePort();
  const child = launch(
    findNatsServer(),
    ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)],
    undefined,
    'nats',
  );
  await waitForPort(port).catch(async (error: unknown) => {
    await stopProcess(child);
    throw error;
  });
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** FerretDB (SQLite) or a local mongod, and nats-server with JetStream, on free loopback ports. */
export async function startLocalInfra(options: LocalInfraOptions = {}): Promise<Infra> {
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'arogyam-infra-'));
  const mongoDir = join(dataDir, 'mongo');
  const natsDir = join(dataDir, 'nats');
  mkdirSync(mongoDir, { recursive: true });
  mkdirSync(natsDir, { recursive: true });
  const logDir = options.logDir ?? process.env.AROGYAM_INFRA_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });

  const mongoPort = options.mongoPort ?? (await freePort());
  const natsPort = options.natsPort ?? (await freePort());
  const mongoBinary = findFerretDb();
  const mongoArgs =
    basename(mongoBinary) === 'mongod'
      ? ['--dbpath', mongoDir, '--bind_ip', '127.0.0.1', '--port', String(mongoPort), '--quiet']
      : [
          '--handler=sqlite',
          `--sqlite-url=file:${mongoDir}/`,
          `--listen-addr=127.0.0.1:${mongoPort}`,
          '--debug-addr=-',
          '--state-dir=-',
          '--telemetry=disable',
          // FERRETDB_LOG_LEVEL=debug logs every command with its timing (docs/development.md).
          `--log-level=${process.env.FERRETDB_LOG_LEVEL ?? 'error'}`,
        ];
  const mongo = launch(mongoBinary, mongoArgs, logDir, 'mongo');
  const nats = launch(
    findNatsServer(),
    ['-js', '-sd', natsDir, '-a', '127.0.0.1', '-p', String(natsPort)],
    logDir,
    'nats',
  );
  try {
    await Promise.all([waitForPort(mongoPort), waitForPort(natsPort)]);
  } catch (error) {
    await Promise.all([stopProcess(mongo), stopProcess(nats)]);
    throw error;
  }
  return {
    mongoUrl: `mongodb://127.0.0.1:${mongoPort}`,
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    source: 'local',
    pids: { mongo: mongo.pid, nats: nats.pid },
    async stop() {
      await Promise.all([stopProcess(mongo), stopProcess(nats)]);
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
