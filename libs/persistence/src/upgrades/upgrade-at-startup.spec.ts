import { upgradeAtStartup } from './upgrade-at-startup';

/** A logger that keeps its lines, to read what a start would have logged. */
function keptLog() {
  const lines: { level: 'log' | 'warn'; text: string }[] = [];
  return {
    lines,
    logger: {
      log: (text: string) => void lines.push({ level: 'log', text }),
      warn: (text: string) => void lines.push({ level: 'warn', text }),
    },
  };
}

const messages = {
  changed: (count: number) => `Gave ${count} records their keys.`,
  retried: 'Older records get their keys on the next start',
};

describe('upgradeAtStartup', () => {
  it('logs how many documents the upgrade changed', async () => {
    const { lines, logger } = keptLog();
    await upgradeAtStartup(logger, { ...messages, run: async () => 3 });
    expect(lines).toEqual([{ level: 'log', text: 'Gave 3 records their keys.' }]);
  });

  it('says nothing when the upgrade changed nothing', async () => {
    const { lines, logger } = keptLog();
    await upgradeAtStartup(logger, { ...messages, run: async () => 0 });
    expect(lines).toEqual([]);
  });

  it('warns, never throws, when the upgrade fails, so the service still starts', async () => {
    const { lines, logger } = keptLog();
    await expect(
      upgradeAtStartup(logger, {
        ...messages,
        run: async () => {
          throw new Error('connection reset');
        },
      }),
    ).resolves.toBeUndefined();
    expect(lines).toEqual([
      { level: 'warn', text: 'Older records get their keys on the next start: connection reset' },
    ]);
  });
});
