import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The monorepo root (this file lives in libs/testing/{src,dist}). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

export const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name: string): string | undefined =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .concat(['/usr/sbin', '/usr/local/bin'])
    .map((dir) => join(dir, name))
    .find(isExecutable);

export class MissingBinaryError extends Error {}

/** FerretDB: $FERRETDB_BIN, the one scripts/install-infra.sh builds into .tools/bin, or PATH. */
export function findFerretDb(): string {
  const candidates = [process.env.FERRETDB_BIN, join(repoRoot, '.tools', 'bin', 'ferretdb')].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find(isExecutable) ?? onPath('ferretdb') ?? onPath('mongod');
  if (!found) {
    throw new MissingBinaryError(
      'No MongoDB-wire server found. Run scripts/install-infra.sh (builds FerretDB 1.24 into .tools/bin), ' +
        'or set MONGO_URL to a running MongoDB, or start a Docker engine.',
    );
  }
  return found;
}

export function findNatsServer(): string {
  const found =
    [process.env.NATS_SERVER_BIN].find((p): p is string => Boolean(p && isExecutable(p))) ??
    onPath('nats-server');
  if (!found) {
    throw new MissingBinaryError(
      'No nats-server found. Run scripts/install-infra.sh (apt-get install nats-server), or set NATS_URL, ' +
        'or start a Docker engine.',
    );
  }
  return found;
}

/** Where the SFU can run: a mediasoup worker, or why this machine has none and it is not expected. */
export type MediasoupWorker =
  { bin: string; skipReason?: undefined } | { bin?: undefined; skipReason: string };

/**
 * The mediasoup worker for the installed mediasoup: $MEDIASOUP_WORKER_BIN, the one
 * scripts/build-mediasoup-worker.sh keeps in .tools/mediasoup-worker/<version>/, or the package's
 * own build. None is expected only where that script recorded that it could not build one
 * (build-failed beside it): then `skipReason`. Otherwise a missing worker throws, so SFU tests
 * fail rather than skip on a machine that should have one.
 */
export function findMediasoupWorker(): MediasoupWorker {
  const given = process.env.MEDIASOUP_WORKER_BIN;
  if (given) {
    if (isExecutable(given)) return { bin: given };
    throw new MissingBinaryError(`MEDIASOUP_WORKER_BIN=${given} is not an executable file.`);
  }
  // The package the build script reads (its exports do not include package.json).
  const pkgDir = join(repoRoot, 'node_modules', 'mediasoup');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const kept = join(repoRoot, '.tools', 'mediasoup-worker', version);
  const found = [
    join(kept, 'mediasoup-worker'),
    join(pkgDir, 'worker', 'out', 'Release', 'mediasoup-worker'),
  ].find(isExecutable);
  if (found) return { bin: found };
  if (existsSync(join(kept, 'build-failed'))) {
    const why = readFileSync(join(kept, 'build-failed'), 'utf8').trim();
    return { skipReason: `this machine could not build mediasoup ${version}'s worker: ${why}` };
  }
  throw new MissingBinaryError(
    `No mediasoup worker for mediasoup ${version}. Run scripts/build-mediasoup-worker.sh ` +
      '(scripts/install-infra.sh does, once node_modules is installed), or set MEDIASOUP_WORKER_BIN.',
  );
}

/**
 * video-service's environment for one media mode, set explicitly by every test and tool that
 * starts it (an exported MEDIASOUP_WORKER_BIN must not turn a p2p test into an SFU one).
 * `sfu` needs the worker: it throws where findMediasoupWorker finds none.
 */
export function videoMediaEnv(mode: 'sfu' | 'p2p'): Record<string, string> {
  if (mode === 'p2p') return { VIDEO_MEDIA: 'p2p' };
  const worker = findMediasoupWorker();
  if (!worker.bin) throw new MissingBinaryError(`No SFU here: ${worker.skipReason}`);
  return { VIDEO_MEDIA: 'sfu', MEDIASOUP_WORKER_BIN: worker.bin };
}
