import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  upgradeAtStartup,
  upgradeOnceAtStartup,
  type OneOffStartupUpgrade,
  type StartupUpgrade,
} from './upgrade-at-startup';

/** An upgrade that runs once per database: its marker `name` in the service's own `upgrades`. */
export type MarkedStartupUpgrade = Omit<OneOffStartupUpgrade, 'connection'>;

/**
 * The Nest side of a start-up upgrade, so a service's upgrade states only what it does, its log
 * lines and (to run once per database) its marker: extend this, mark the class `@Injectable()` and
 * list it in the app module's providers. It runs when the app has started, logged under the
 * subclass's name; with a marker `name` once per database (`upgradeOnceAtStartup`, the marker in
 * the service's database), without one at every start (`upgradeAtStartup`). The start waits for it
 * unless it says `inBackground`.
 */
export abstract class UpgradeAtStartupProvider implements OnApplicationBootstrap {
  private readonly logger = new Logger(this.constructor.name);

  /** The service's database, where the marker is kept (injected here so no upgrade passes it on). */
  @InjectConnection() private readonly connection: Connection;

  /**
   * Whether the start goes on without it: for an upgrade long enough to hold the start past its
   * readiness check, and safe while the service serves what it has not reached yet.
   */
  protected readonly inBackground: boolean = false;

  /** The upgrade: what it does and logs, and its marker when it runs once per database. */
  protected abstract upgrade(): StartupUpgrade | MarkedStartupUpgrade;

  onApplicationBootstrap(): Promise<void> {
    const upgraded = this.runUpgrade();
    return this.inBackground ? Promise.resolve() : upgraded;
  }

  /** Runs the upgrade now; answers when it ended (or failed, which it logs): never rejects. */
  runUpgrade(): Promise<void> {
    const upgrade = this.upgrade();
    return 'name' in upgrade
      ? upgradeOnceAtStartup(this.logger, { ...upgrade, connection: this.connection })
      : upgradeAtStartup(this.logger, upgrade);
  }
}
