import type { Logger } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { failureSummary } from '@arogyam/messaging';
import { runOneOffUpgrade } from './one-off-upgrade';

/** A start-up upgrade of data an earlier version stored, and what the log says of it. */
export interface StartupUpgrade {
  /** The upgrade: answers how many documents it changed. */
  run: () => Promise<number>;
  /** The log line once it changed `count` (> 0) documents. */
  changed: (count: number) => string;
  /** What waits for the next start when it failed; the warning adds the error's message. */
  retried: string;
}

/** A start-up upgrade that runs once per database: a marker named `name` in `upgrades` says it ran. */
export interface OneOffStartupUpgrade extends StartupUpgrade {
  connection: Connection;
  name: string;
}

/**
 * Runs a start-up upgrade and logs how many documents it changed. A failure is a warning, never a
 * refusal to start: the data stays as it was until the next start tries again.
 */
export async function upgradeAtStartup(
  logger: Pick<Logger, 'log' | 'warn'>,
  upgrade: StartupUpgrade,
): Promise<void> {
  try {
    const changed = await upgrade.run();
    if (changed > 0) logger.log(upgrade.changed(changed));
  } catch (error) {
    logger.warn(`${upgrade.retried}: ${failureSummary(error)}`);
  }
}

/** {@link upgradeAtStartup} once per database (`runOneOffUpgrade`): later starts read the marker only. */
export function upgradeOnceAtStartup(
  logger: Pick<Logger, 'log' | 'warn'>,
  upgrade: OneOffStartupUpgrade,
): Promise<void> {
  const { connection, name, run } = upgrade;
  return upgradeAtStartup(logger, {
    ...upgrade,
    run: async () => (await runOneOffUpgrade(connection, name, run)) ?? 0,
  });
}
