import { Logger, type INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/** The lifecycle hooks a start waits for, in the order Nest calls them. */
const START_HOOKS = ['onModuleInit', 'onApplicationBootstrap'] as const;
type StartHook = (typeof START_HOOKS)[number];

/** How often a start that is still waiting says on what. */
export const START_UP_REPORT_EVERY_MS = 5_000;

export interface StartUpWatchOptions {
  logger?: Logger;
  reportEveryMs?: number;
}

type Hooked = Partial<Record<StartHook, () => unknown>>;

/**
 * Names what a slow start is waiting on. A start's work is the providers' `onModuleInit` and
 * `onApplicationBootstrap` (event consumers, start-up upgrades, the admin seed, ...) and then the
 * transport's listen; each is timed while it runs, and every START_UP_REPORT_EVERY_MS until the
 * start ends the steps still running are logged by class and hook. Without it a start that hung
 * (on the database or NATS) printed nothing after "AppModule dependencies initialized".
 */
export class StartUpWatch {
  private readonly running = new Map<number, string>();
  private nextStep = 0;
  private readonly began = Date.now();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly logger: Logger,
    reportEveryMs: number,
  ) {
    this.timer = setInterval(() => this.report(), reportEveryMs);
    this.timer.unref();
  }

  /**
   * Watches every start hook of the app's providers and handlers. Call it before `init()` or
   * `listen()`; the hooks are wrapped on their instances, which is where Nest calls them.
   */
  static of(app: INestApplicationContext, options: StartUpWatchOptions = {}): StartUpWatch {
    const watch = new StartUpWatch(
      options.logger ?? new Logger('StartUp'),
      options.reportEveryMs ?? START_UP_REPORT_EVERY_MS,
    );
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
        if (wrapper.isDependencyTreeStatic()) watch.wrapHooks(wrapper.instance, wrapper.name);
      }
    }
    return watch;
  }

  /** Runs `start` with the app's start watched, and stops watching however it ends. */
  static async during<T>(
    app: INestApplicationContext,
    start: (watch: StartUpWatch) => Promise<T>,
    options: StartUpWatchOptions = {},
  ): Promise<T> {
    const watch = StartUpWatch.of(app, options);
    try {
      return await start(watch);
    } finally {
      watch.stop();
    }
  }

  /** Runs one step of the start, named in the reports while it runs. */
  async step<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const id = this.nextStep++;
    this.running.set(id, name);
    try {
      return await work();
    } finally {
      this.running.delete(id);
    }
  }

  /** The start has ended (or failed): no more reports. */
  stop(): void {
    clearInterval(this.timer);
  }

  private wrapHooks(instance: unknown, name: unknown): void {
    if (typeof instance !== 'object' || instance === null) return;
    const hooked = instance as Hooked;
    const owner = typeof name === 'string' ? name : instance.constructor.name;
    for (const hook of START_HOOKS) {
      const original = hooked[hook];
      if (typeof original !== 'function') continue;
      hooked[hook] = () => this.step(`${owner}.${hook}`, () => original.call(instance));
    }
  }

  private report(): void {
    if (this.running.size === 0) return;
    const seconds = Math.round((Date.now() - this.began) / 1000);
    this.logger.warn(
      `Start-up still waiting after ${seconds} s on: ${[...this.running.values()].join(', ')}`,
    );
  }
}
