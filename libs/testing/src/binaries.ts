import { accessSync, constants } from 'node:fs';
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
