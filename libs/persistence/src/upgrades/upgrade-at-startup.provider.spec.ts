import { Logger } from '@nestjs/common';
import type { StartupUpgrade } from './upgrade-at-startup';
import { UpgradeAtStartupProvider } from './upgrade-at-startup.provider';

/** An upgrade that changes `count` documents once let go, so a test sees whether the start waited for it. */
function heldUpgrade(count: number) {
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  let ended = false;
  const upgrade: StartupUpgrade = {
    run: async () => {
      await held;
      ended = true;
      return count;
    },
    changed: (changed) => `Gave ${changed} records their keys.`,
    retried: 'Older records get their keys on the next start',
  };
  return { upgrade, letGo, ended: () => ended };
}

/** Past every promise already settled (an upgrade held by nothing else has ended by then). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

class RecordKeysUpgrade extends UpgradeAtStartupProvider {
  constructor(private readonly planned: StartupUpgrade) {
    super();
  }

  protected override upgrade(): StartupUpgrade {
    return this.planned;
  }
}

class RecordKeysUpgradeInBackground extends RecordKeysUpgrade {
  protected override readonly inBackground = true;
}

describe('UpgradeAtStartupProvider', () => {
  const lines: { text: string; context: string }[] = [];

  beforeAll(() => {
    const keep = (text: string, context: string) => void lines.push({ text, context });
    Logger.overrideLogger({ log: keep, warn: keep, error: keep });
  });

  beforeEach(() => (lines.length = 0));

  it('holds the start until the upgrade ended, and logs under the upgrade’s own name', async () => {
    const { upgrade, letGo, ended } = heldUpgrade(3);
    const started = new RecordKeysUpgrade(upgrade).onApplicationBootstrap();
    let startWentOn = false;
    void started.then(() => (startWentOn = true));
    await nextTurn();
    expect(startWentOn).toBe(false);

    letGo();
    await started;
    expect(ended()).toBe(true);
    expect(lines).toEqual([{ text: 'Gave 3 records their keys.', context: 'RecordKeysUpgrade' }]);
  });

  it('in the background, lets the start go on and logs once the upgrade ends', async () => {
    const { upgrade, letGo, ended } = heldUpgrade(2);
    const provider = new RecordKeysUpgradeInBackground(upgrade);
    await provider.onApplicationBootstrap();
    expect(ended()).toBe(false);
    expect(lines).toEqual([]);

    letGo();
    await nextTurn();
    expect(ended()).toBe(true);
    expect(lines).toEqual([{ text: 'Gave 2 records their keys.', context: 'RecordKeysUpgradeInBackground' }]);
  });
});
