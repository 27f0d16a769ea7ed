import { readFileSync } from 'node:fs';

/** What /proc says of a running process: its scheduler state (R, S, D, ...) and CPU seconds used. */
export interface ProcessStat {
  state: string;
  /** User + system CPU seconds so far. */
  cpuSeconds: number;
}

/** The process's /proc/<pid>/stat, or undefined where there is none (not Linux, or it exited). */
export function processStat(pid: number): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state first, utime and stime the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return undefined;
  }
}
