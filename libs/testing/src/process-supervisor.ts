import type { ChildProcess } from 'node:child_process';

/** How a supervisor waits before a restart: doubling from `initialDelayMs` up to `maxDelayMs`. */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long before it exited is restarted after `initialDelayMs` again. */
  stableAfterMs: number;
}

/** `npm start`'s policy: quick for a one-off crash, backing off for one that crashes on start. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

const STOP_GRACE_MS = 5000;

export interface SupervisedProcess {
  readonly name: string;
  /** The process running now (the latest started). */
  current(): ChildProcess;
  /** How many times it was started again after exiting. */
  restarts(): number;
  /** Stops it (SIGTERM) and ends supervision: no restart follows. */
  stop(): Promise<void>;
}

/**
 * Keeps a process running, as a container runtime would: when it exits without being asked to
 * (a crash, `kill -9`), it is started again after a delay that doubles with each exit in quick
 * succession, so a process that cannot start does not spin. `report` hears each exit and restart,
 * in words for the operator.
 */
export function superviseProcess(
  name: string,
  start: () => ChildProcess,
  report: (line: string) => void,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): SupervisedProcess {
  let child = start();
  let startedAt = Date.now();
  let delayMs = policy.initialDelayMs;
  let restarts = 0;
  let stopping = false;
  let pending: NodeJS.Timeout | undefined;

  const watch = (running: ChildProcess): void => {
    running.once('exit', (code, signal) => {
      if (stopping) return;
      const ranForMs = Date.now() - startedAt;
      if (ranForMs >= policy.stableAfterMs) delayMs = policy.initialDelayMs;
      report(
        `${name} exited (${signal ?? `code ${code}`}) after ${(ranForMs / 1000).toFixed(1)} s; ` +
          `restarting in ${(delayMs / 1000).toFixed(1)} s`,
      );
      pending = setTimeout(() => {
        if (stopping) return;
        child = start();
        startedAt = Date.now();
        restarts += 1;
        report(`${name} restarted (pid ${child.pid}, restart ${restarts})`);
        watch(child);
      }, delayMs);
      delayMs = Math.min(delayMs * 2, policy.maxDelayMs);
    });
  };
  watch(child);

  return {
    name,
    current: () => child,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      clearTimeout(pending);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // One that does not stop when asked is made to.
      const deadline = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(deadline);
    },
  };
}
