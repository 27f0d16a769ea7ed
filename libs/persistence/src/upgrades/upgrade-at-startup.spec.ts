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
          // A database error's message may quote a stored value: the log names its kind and code only.
          throw Object.assign(new Error('E11000 dup key: { phone: "+91 98450 12345" }'), { code: 11000 });
        },
      }),
    ).resolves.toBeUndefined();
    expect(lines).toEqual([
      {
        level: 'warn',
        text: 'Older records get their keys on the next start: Error (11000) (message withheld: it may quote user input)',
      },
    ]);
  });
});
