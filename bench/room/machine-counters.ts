import fs from 'node:fs';

/**
 * Counters of the whole machine that say whether a window's figures can be trusted: how busy every
 * core was (the benchmark shares the machine), and how many UDP packets the kernel dropped because a
 * receiver did not read its socket in time (inside the benchmark's network namespace these are only
 * its own: Janus's and the bots').
 */
export interface MachineCounters {
  /** Jiffies of all cores: total and busy (neither idle nor waiting for I/O). */
  cpuTotal: number;
  cpuBusy: number;
  udpReceiveBufferDrops: number;
}

/** The aggregate `cpu` line of `/proc/stat`. */
export function parseCpuLine(stat: string): { total: number; busy: number } {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no cpu line');
  const jiffies = line.trim().split(/\s+/).slice(1).map(Number);
  const total = jiffies.reduce((sum, n) => sum + n, 0);
  // user nice system idle iowait irq softirq steal …: idle and iowait are not work.
  return { total, busy: total - (jiffies[3] ?? 0) - (jiffies[4] ?? 0) };
}

/** `RcvbufErrors` among the `Udp:` counters of `/proc/net/snmp` (a header line, then a line of values). */
export function parseUdpReceiveBufferDrops(snmp: string): number {
  const [header, values] = snmp.split('\n').filter((l) => l.startsWith('Udp: '));
  if (!header || !values) throw new Error('/proc/net/snmp has no Udp counters');
  const names = header.split(/\s+/);
  const numbers = values.split(/\s+/).map(Number);
  return numbers[names.indexOf('RcvbufErrors')] ?? 0;
}

export function readMachineCounters(): MachineCounters {
  const cpu = parseCpuLine(fs.readFileSync('/proc/stat', 'utf8'));
  const drops = parseUdpReceiveBufferDrops(fs.readFileSync('/proc/net/snmp', 'utf8'));
  return { cpuTotal: cpu.total, cpuBusy: cpu.busy, udpReceiveBufferDrops: drops };
}
