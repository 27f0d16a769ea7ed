import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { generateBusPasswords, natsServerConfig, type BusPasswords } from '@arogyam/messaging';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findFerretDb, findNatsServer } from './binaries';
import { freePort, waitForPort } from './ports';
import { startPostgres } from './postgres';

export interface Infra {
  mongoUrl: string;
  natsUrl: string;
  /**
   * Every principal's NATS password when this NATS runs the generated config (local and Docker
   * infra: always); absent for a NATS given by NATS_URL, which is then taken as unauthenticated.
   * natsEnv / connectAs (nats-principals.ts) hand them out.
   */
  natsPasswords?: BusPasswords;
  /** How it was provided, for logs: env, docker or local. */
  source: 'env' | 'docker' | 'local';
  /** The servers' process ids when they run here (benchmarks read their CPU time from /proc). */
  pids?: { mongo?: number; nats?: number; postgres?: number };
  stop(): Promise<void>;
}

export interface LocalInfraOptions {
  /** Keep data here (the platform's .data/); default a temp dir removed on stop. */
  dataDir?: string;
  mongoPort?: number;
  natsPort?: number;
  /** Where the servers' output goes; default discarded. */
  logDir?: string;
  /** More PostgreSQL settings for FerretDB's cluster (TEST_POSTGRES_SETTINGS in test runs). */
  postgresSettings?: string[];
  /** A Mongo-wire server or NATS already running: that one is used instead of starting it here. */
  mongoUrl?: string;
  natsUrl?: string;
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
  env: Record<string, string> = {},
): ChildProcess {
  const out = logDir ? openSync(join(logDir, `${name}.log`), 'a') : 'ignore';
  const child = spawn(binary, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  child.unref();
  return child;
}

export interface LocalServer {
  url: string;
  passwords: BusPasswords;
  stop(): Promise<void>;
}

interface NatsServerProcess {
  child: ChildProcess;
  passwords: BusPasswords;
}

/**
 * nats-server with JetStream on `port`, its store in `dir`, with the generated config (a user per
 * principal, fresh passwords every start; the config is written beside the store, readable only
 * by us); resolves once it listens.
 */
async function startNatsServer(
  dir: string,
  port: number,
  logDir: string | undefined,
): Promise<NatsServerProcess> {
  const passwords = generateBusPasswords();
  const configFile = join(dir, 'nats-server.conf');
  writeFileSync(configFile, natsServerConfig({ passwords }), { mode: 0o600 });
  const child = launch(
    findNatsServer(),
    ['-c', configFile, '-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)],
    logDir,
    'nats',
  );
  await waitForPort(port).catch(async (error: unknown) => {
    await stopProcess(child);
    throw error;
  });
  return { child, passwords };
}

/** nats-server with JetStream on a free loopback port, its store in a temp dir. */
export async function startLocalNats(): Promise<LocalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'arogyam-nats-'));
  const port = await freePort();
  const { child, passwords } = await startNatsServer(dir, port, undefined);
  return {
    url: `nats://127.0.0.1:${port}`,
    passwords,
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Which FerretDB backend: PostgreSQL unless AROGYAM_FERRETDB_BACKEND=sqlite (tools/ferretdb/README.md). */
export const ferretDbBackend = (): 'postgresql' | 'sqlite' =>
  process.env.AROGYAM_FERRETDB_BACKEND === 'sqlite' ? 'sqlite' : 'postgresql';

/**
 * The Mongo-wire server and nats-server with JetStream, on loopback ports (free ones unless
 * given). The Mongo-wire server is FerretDB on a PostgreSQL cluster of its own under the data
 * folder (or on SQLite files, or a local mongod when one is found instead of FerretDB).
 */
export async function startLocalInfra(options: LocalInfraOptions = {}): Promise<Infra> {
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'arogyam-infra-'));
  // Other users (PostgreSQL's, when run as root) must be able to reach the folders inside.
  if (temporary) chmodSync(dataDir, 0o755);
  const natsDir = join(dataDir, 'nats');
  mkdirSync(natsDir, { recursive: true });
  const logDir = options.logDir ?? process.env.AROGYAM_INFRA_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });

  const started: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop();
  };
  try {
    let mongoUrl = options.mongoUrl;
    const pids: NonNullable<Infra['pids']> = {};
    if (!mongoUrl) {
      const port = options.mongoPort ?? (await freePort());
      const mongo = await startMongoWireServer(dataDir, port, logDir, temporary, options.postgresSettings);
      started.push(mongo.stop);
      Object.assign(pids, mongo.pids);
      await waitForPort(port);
      mongoUrl = `mongodb://127.0.0.1:${port}`;
    }
    let natsUrl = options.natsUrl;
    let natsPasswords: BusPasswords | undefined;
    if (!natsUrl) {
      const port = options.natsPort ?? (await freePort());
      const nats = await startNatsServer(natsDir, port, logDir);
      started.push(() => stopProcess(nats.child));
      pids.nats = nats.child.pid;
      natsUrl = `nats://127.0.0.1:${port}`;
      natsPasswords = nats.passwords;
    }
    return {
      mongoUrl,
      natsUrl,
      natsPasswords,
      source: 'local',
      pids,
      async stop() {
        await stopAll();
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

interface MongoWireServer {
  pids: { mongo?: number; postgres?: number };
  stop(): Promise<void>;
}

async function startMongoWireServer(
  dataDir: string,
  port: number,
  logDir: string | undefined,
  temporary: boolean,
  postgresSettings: string[] | undefined,
): Promise<MongoWireServer> {
  const binary = findFerretDb();
  const listen = `--listen-addr=127.0.0.1:${port}`;
  // FERRETDB_LOG_LEVEL=debug logs every command with its timing (docs/development.md).
  const common = [
    '--debug-addr=-',
    '--state-dir=-',
    '--telemetry=disable',
    `--log-level=${process.env.FERRETDB_LOG_LEVEL ?? 'error'}`,
  ];
  if (basename(binary) === 'mongod') {
    const dir = join(dataDir, 'mongo');
    mkdirSync(dir, { recursive: true });
    const mongod = launch(
      binary,
      ['--dbpath', dir, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'],
      logDir,
      'mongo',
    );
    return { pids: { mongo: mongod.pid }, stop: () => stopProcess(mongod) };
  }
  if (ferretDbBackend() === 'sqlite') {
    const dir = join(dataDir, 'mongo');
    mkdirSync(dir, { recursive: true });
    const ferretdb = launch(
      binary,
      ['--handler=sqlite', `--sqlite-url=file:${dir}/`, listen, ...common],
      logDir,
      'mongo',
    );
    return { pids: { mongo: ferretdb.pid }, stop: () => stopProcess(ferretdb) };
  }
  const postgres = await startPostgres({
    dir: join(dataDir, 'postgres'),
    durable: !temporary,
    logFile: logDir ? join(logDir, 'postgres.log') : undefined,
    settings: postgresSettings,
  });
  const ferretdb = launch(
    binary,
    ['--handler=postgresql', `--postgresql-url=${postgres.url}`, listen, ...common],
    logDir,
    'mongo',
    // Fewer garbage collections for more heap: decoding documents makes much short-lived garbage
    // (10,000 documents read: 1.1 s at Go's default of 100, 0.95 s at 400).
    { GOGC: process.env.FERRETDB_GOGC ?? '400' },
  );
  return {
    pids: { mongo: ferretdb.pid, postgres: postgres.pid },
    async stop() {
      await stopProcess(ferretdb);
      await postgres.stop();
    },
  };
}
