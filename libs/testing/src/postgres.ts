import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutable, MissingBinaryError } from './binaries';
import { freePort } from './ports';

/**
 * A PostgreSQL cluster the project runs itself, as FerretDB's backend (tools/ferretdb/README.md):
 * initialised on first use in its own folder, started on a loopback port, stopped with the rest.
 */
export interface LocalPostgres {
  /** The URL FerretDB's `--postgresql-url` takes. */
  url: string;
  pid?: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** The cluster's folder; initialised when it holds no cluster yet. */
  dir: string;
  /**
   * Whether a commit must reach the disk before it is acknowledged. `npm start` keeps data across
   * restarts and says yes; a test run's throwaway cluster says no (fsync, full-page writes and
   * synchronous commit off), which spares the disk and changes nothing a test can observe.
   */
  durable: boolean;
  /** Where the server's log goes; default discarded. */
  logFile?: string;
  /** More server settings (`name=value`), after the project's own. */
  settings?: string[];
}

/**
 * What test runs add: the planner uses an index whenever one can serve a query, so a plan that
 * still reads the whole table proves no declared index serves that query, whatever the size of
 * the test's data (the repository index tests read plans; see query-plans.ts).
 */
export const TEST_POSTGRES_SETTINGS = ['enable_seqscan=off'];

/** Role and database FerretDB connects as and to (local, trust authentication on loopback only). */
const ROLE = 'arogyam';
const DATABASE = 'postgres';

/**
 * Settings every cluster runs with. FerretDB keeps up to `pool_max_conns` connections per
 * process (set in the URL below); the rest is PostgreSQL's defaults.
 */
const FERRETDB_POOL = 80;
const SERVER_SETTINGS = [
  'max_connections=120',
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  // Statistics soon after bulk writes: the planner needs them to choose an index's order over a sort.
  'autovacuum_naptime=10s',
  // FerretDB prepares every statement; PostgreSQL's generic plan of one does not know which user or
  // doctor it is for and picked any index whose fields matched (an inbox read 13,000 notifications
  // through `{createdHour, channel, read}` instead of the user's 10 through `{userId, …}`). A plan
  // made for the values costs a fraction of a millisecond and uses the statistics.
  'plan_cache_mode=force_custom_plan',
  // A refused write's DETAIL quotes the key it collided on (the email of a second registration):
  // terse leaves DETAIL, HINT and CONTEXT out of the log, so no stored value reaches it.
  'log_error_verbosity=terse',
];
const THROWAWAY_SETTINGS = ['fsync=off', 'full_page_writes=off', 'synchronous_commit=off'];

/** The folder of PostgreSQL's server programs: $POSTGRES_BIN_DIR, else Debian's newest. */
export function findPostgresBinDir(): string {
  const candidates = process.env.POSTGRES_BIN_DIR
    ? [process.env.POSTGRES_BIN_DIR]
    : debianVersions().map((version) => `/usr/lib/postgresql/${version}/bin`);
  const found = candidates.find(
    (dir) => isExecutable(join(dir, 'postgres')) && isExecutable(join(dir, 'initdb')),
  );
  if (!found) {
    throw new MissingBinaryError(
      'No PostgreSQL server found (FerretDB stores its data in PostgreSQL). Run scripts/install-infra.sh ' +
        '(apt-get install postgresql), or set POSTGRES_BIN_DIR to the folder holding postgres and initdb, ' +
        'or set MONGO_URL to a running MongoDB.',
    );
  }
  return found;
}

/** Initialises the cluster in `options.dir` if needed, starts it on a free loopback port, waits until it answers. */
export async function startPostgres(options: PostgresOptions): Promise<LocalPostgres> {
  const bin = findPostgresBinDir();
  const owner = clusterOwner();
  prepareClusterDir(options.dir, owner);
  if (!existsSync(join(options.dir, 'PG_VERSION'))) initCluster(bin, options.dir, owner, options.durable);

  const port = await freePort();
  const settings = [
    ...SERVER_SETTINGS,
    ...(options.durable ? [] : THROWAWAY_SETTINGS),
    ...(options.settings ?? []),
    // For profiling: e.g. AROGYAM_POSTGRES_SETTINGS='log_min_duration_statement=20' (docs/development.md).
    ...(process.env.AROGYAM_POSTGRES_SETTINGS?.split(';').filter(Boolean) ?? []),
  ];
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const server = spawn(
    join(bin, 'postgres'),
    ['-D', options.dir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])],
    { stdio: ['ignore', out, out], ...owner },
  );
  server.unref();
  const stop = () => stopPostgres(server);
  try {
    await waitUntilReady(bin, port, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://${ROLE}@127.0.0.1:${port}/${DATABASE}?pool_max_conns=${FERRETDB_POOL}`,
    pid: server.pid,
    stop,
  };
}

interface Owner {
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root. Run as root (as CI does), the cluster belongs to an
 * unprivileged account: $POSTGRES_RUN_AS, else `postgres` (Debian's package creates it), else `nobody`.
 */
function clusterOwner(): Owner {
  if (process.getuid?.() !== 0) return {};
  const names = [process.env.POSTGRES_RUN_AS, 'postgres', 'nobody'].filter((name): name is string =>
    Boolean(name),
  );
  for (const name of names) {
    const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
    if (Number.isInteger(uid) && uid > 0 && Number.isInteger(gid)) return { uid, gid };
  }
  throw new Error(
    'Running as root, and no unprivileged account (postgres, nobody) to run PostgreSQL as; set POSTGRES_RUN_AS.',
  );
}

function prepareClusterDir(dir: string, owner: Owner): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner.uid === undefined || owner.gid === undefined) return;
  chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  const reachable = spawnSync('test', ['-w', dir], owner).status === 0;
  if (!reachable) {
    throw new Error(
      `PostgreSQL runs as uid ${owner.uid} and cannot reach ${dir} (a folder above it is closed to other users). ` +
        'Put the data elsewhere (AROGYAM_DATA_DIR), or run as an ordinary user.',
    );
  }
}

function initCluster(bin: string, dir: string, owner: Owner, durable: boolean): void {
  const result = spawnSync(
    join(bin, 'initdb'),
    // C locale: strings compare byte by byte, as MongoDB's default collation does; UTF8 is the
    // only encoding FerretDB accepts.
    ['-D', dir, '-U', ROLE, '--auth=trust', '--no-locale', '-E', 'UTF8', ...(durable ? [] : ['--no-sync'])],
    { encoding: 'utf8', ...owner },
  );
  if (result.status !== 0) {
    throw new Error(`initdb failed for ${dir}: ${(result.stderr || result.stdout || '').trim().slice(-500)}`);
  }
}

async function waitUntilReady(
  bin: string,
  port: number,
  server: ChildProcess,
  timeoutMs = 20000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const isReady = join(bin, 'pg_isready');
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`PostgreSQL exited at start (code ${server.exitCode}); see its log`);
    const probe = spawnSync(isReady, [
      '-q',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-d',
      DATABASE,
      '-U',
      ROLE,
    ]);
    if (probe.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Fast shutdown (SIGINT): open sessions are ended, not waited for. */
function stopPostgres(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGINT');
  });
}

function debianVersions(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}
