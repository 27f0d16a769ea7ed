import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { StartUpWatch } from './start-up-watch';

/** A hook that ends when the test says so. */
class Gate {
  open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.open = resolve));
}

const consumerGate = new Gate();
const upgradeGate = new Gate();

@Injectable()
class EventsConsumer implements OnModuleInit {
  onModuleInit(): Promise<void> {
    return consumerGate.opened;
  }
}

@Injectable()
class SearchKeysUpgrade implements OnApplicationBootstrap {
  onApplicationBootstrap(): Promise<void> {
    return upgradeGate.opened;
  }
}

@Module({ providers: [EventsConsumer, SearchKeysUpgrade] })
class ClinicModule {}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('StartUpWatch', () => {
  it('names each start hook while it runs, and nothing once the start ended', async () => {
    const app = await NestFactory.create(ClinicModule, { logger: false, abortOnError: false });
    const logger = new Logger('StartUp');
    const reports: string[] = [];
    jest.spyOn(logger, 'warn').mockImplementation((message: unknown) => void reports.push(String(message)));
    const watch = StartUpWatch.of(app, { logger, reportEveryMs: 20 });

    const started = watch.step('listen', () => app.init());
    await until(() => reports.length > 0);
    expect(reports.at(-1)).toMatch(
      /^Start-up still waiting after \d+ s on: listen, EventsConsumer\.onModuleInit$/,
    );

    consumerGate.open();
    await until(
      () => reports.at(-1)?.endsWith('on: listen, SearchKeysUpgrade.onApplicationBootstrap') ?? false,
    );
    expect(reports.join('\n')).not.toMatch(
      /EventsConsumer.*SearchKeysUpgrade|SearchKeysUpgrade.*EventsConsumer/,
    );

    upgradeGate.open();
    await started;
    const count = reports.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(reports.length).toBe(count);

    watch.stop();
    await app.close();
  });

  it('lets a failing hook fail the start, and stops reporting it', async () => {
    @Injectable()
    class BrokenSeed implements OnApplicationBootstrap {
      onApplicationBootstrap(): Promise<void> {
        return Promise.reject(new Error('database refused'));
      }
    }
    @Module({ providers: [BrokenSeed] })
    class BrokenModule {}
    const app = await NestFactory.create(BrokenModule, { logger: false, abortOnError: false });
    const logger = new Logger('StartUp');
    const reports: string[] = [];
    jest.spyOn(logger, 'warn').mockImplementation((message: unknown) => void reports.push(String(message)));
    const watch = StartUpWatch.of(app, { logger, reportEveryMs: 20 });

    await expect(watch.step('listen', () => app.init())).rejects.toThrow('database refused');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(reports).toEqual([]);
    watch.stop();
  });
});
