import fs from 'node:fs';

/**
 * Counters that say whether a window's figures can be trusted: how busy every core of the machine was
 * (the benchmark shares it), and which UDP sockets dropped packets because their owner did not read
 * them in time — Janus's (the SFU could not keep up) or the bots' (the load generator could not).
 * Inside the benchmark's network namespace, every socket listed is Janus's or a bot's.
 */
export interface MachineCounters {
  /** Jiffies of all cores: total and busy (neither idle nor waiting for I/O). */
  cpuTotal: number;
  cpuBusy: number;
  /** Packets each UDP socket dropped so far, by socket inode. */
  udpDrops: Map<string, number>;
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

/** Drops by socket inode, from `/proc/net/udp` or `/proc/net/udp6` (inode and drops are columns 10 and 13). */
export function parseUdpSocketDrops(table: string): Map<string, number> {
  const drops = new Map<string, number>();
  for (const line of table.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns.length >= 13) drops.set(columns[9]!, Number(columns[12]));
  }
  return drops;
}

export function readMachineCounters(): MachineCounters {
  const cpu = parseCpuLine(fs.readFileSync('/proc/stat', 'utf8'));
  const udpDrops = new Map([
    ...parseUdpSocketDrops(fs.readFileSync('/proc/net/udp', 'utf8')),
    ...parseUdpSocketDrops(fs.readFileSync('/proc/net/udp6', 'utf8')),
  ]);
  return { cpuTotal: cpu.total, cpuBusy: cpu.busy, udpDrops };
}

/** Inodes of the sockets a process holds open (its `/proc/<pid>/fd` links read `socket:[inode]`). */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket) inodes.add(socket[1]!);
    } catch {
      // Closed between listing and reading.
    }
  }
  return inodes;
}

/** Packets dropped between two readings, split between the sockets in `owned` and all others. */
export function dropsBetween(before: Map<string, number>, after: Map<string, number>, owned: Set<string>): { owned: number; others: number } {
  const drops = { owned: 0, others: 0 };
  for (const [inode, total] of after) {
    const dropped = total - (before.get(inode) ?? 0);
    if (owned.has(inode)) drops.owned += dropped;
    else drops.others += dropped;
  }
  return drops;
}

/** The machine's load averages over 1, 5 and 15 minutes, as `/proc/loadavg` gives them. */
export function readLoadAverages(): string {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
