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

let ticksPerSecond: number | undefined;

export function processCpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return parseCpuTicks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) / ticksPerSecond;
}
