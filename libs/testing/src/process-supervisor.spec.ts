import { spawn } from 'node:child_process';
import { superviseProcess, type SupervisedProcess } from './process-supervisor';
import { waitFor } from './ports';

const QUICK = { initialDelayMs: 100, maxDelayMs: 400, stableAfterMs: 2000 };
const node = (script: string) => () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' });

/** Real child processes: what `npm start` does to a service that dies. */
describe('superviseProcess', () => {
  let supervised: SupervisedProcess | undefined;
  afterEach(async () => {
    await supervised?.stop();
    supervised = undefined;
  });

  it('starts a process killed with SIGKILL again, and says so', async () => {
    const lines: string[] = [];
    supervised = superviseProcess(
      'doctor-service',
      node('setInterval(() => {}, 1000)'),
      (line) => lines.push(line),
      QUICK,
    );
    const first = supervised.current().pid;
    process.kill(first!, 'SIGKILL');
    await waitFor(() => supervised!.restarts() === 1, 5000, 'the restart');
    expect(supervised.current().pid).not.toBe(first);
    expect(supervised.current().exitCode).toBeNull();
    expect(lines[0]).toMatch(/^doctor-service exited \(SIGKILL\) after \d+\.\d s; restarting in 0\.1 s$/);
    expect(lines[1]).toMatch(/^doctor-service restarted \(pid \d+, restart 1\)$/);
  });

  it('backs off, doubling up to the most, for a process that keeps failing at start', async () => {
    const lines: string[] = [];
    supervised = superviseProcess('broken', node('process.exit(3)'), (line) => lines.push(line), QUICK);
    await waitFor(() => supervised!.restarts() >= 4, 10_000, 'four restarts');
    const delays = lines
      .filter((line) => line.includes('restarting in'))
      .map((line) => /restarting in ([\d.]+) s/.exec(line)![1]);
    expect(delays.slice(0, 4)).toEqual(['0.1', '0.2', '0.4', '0.4']);
    expect(lines[0]).toContain('exited (code 3)');
  });

  it('does not restart what it was asked to stop', async () => {
    const lines: string[] = [];
    const stopped = superviseProcess(
      'gateway',
      node('setInterval(() => {}, 1000)'),
      (line) => lines.push(line),
      QUICK,
    );
    const child = stopped.current();
    await stopped.stop();
    expect(child.signalCode).toBe('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped.restarts()).toBe(0);
    expect(lines).toEqual([]);
  });
});
