import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU seconds a process has used so far (user + system, all its threads), from `/proc/<pid>/stat`.
 * The command name in field 2 may hold spaces and parentheses, so fields are counted after its last ")".
 */
export function parseCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return Number(fields[11]) + Number(fields[12]);
}

let ticks: number | undefined;

function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return ticks;
}

export function processCpuSeconds(pid: number): number {
  return parseCpuTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) / ticksPerSecond();
}

/** CPU seconds of each thread of `pid` whose name starts with `prefix`, by thread name. */
export function threadCpuSeconds(pid: number, prefix: string): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      if (!name.startsWith(prefix)) continue;
      const seconds = parseCpuTicks(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')) / ticksPerSecond();
      threads.set(name, (threads.get(name) ?? 0) + seconds);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return threads;
}
