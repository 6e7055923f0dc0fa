import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Cuts the media path of chosen UDP ports inside the test run's network namespace, as a lost network
 * would: packets from or to those ports stop getting through, in both directions. Signaling is
 * untouched (see pausable-proxy.ts for that). The kernel here has neither netem nor a drop action, so
 * the ports' packets go to an HTB class limited to 8 bit/s with a one-packet queue, which lets one
 * packet in a great while through and drops the rest. Needs the namespace's root (scripts/netns-exec.sh).
 */
export class MediaPathCutter {
  private installed = false;
  private nextPriority = 10;

  /** Cuts the ports' media; resolves with the function that restores it. */
  async cut(ports: readonly number[]): Promise<() => Promise<void>> {
    if (ports.length === 0) throw new Error('No UDP port to cut');
    await this.install();
    const priority = this.nextPriority++;
    for (const port of ports) {
      for (const direction of ['sport', 'dport']) {
        await tc(`filter add dev lo parent 1: protocol ip prio ${priority} u32 match ip protocol 17 0xff match ip ${direction} ${port} 0xffff flowid 1:20`);
      }
    }
    return () => tc(`filter del dev lo parent 1: prio ${priority}`);
  }

  /** Removes every cut and the traffic classes behind them. */
  async dispose(): Promise<void> {
    if (!this.installed) return;
    this.installed = false;
    await tc('qdisc del dev lo root');
  }

  private async install(): Promise<void> {
    if (this.installed) return;
    await tc('qdisc add dev lo root handle 1: htb default 10');
    await tc('class add dev lo parent 1: classid 1:10 htb rate 10gbit');
    await tc('class add dev lo parent 1: classid 1:20 htb rate 8bit ceil 8bit');
    await tc('qdisc add dev lo parent 1:20 handle 20: pfifo limit 1');
    this.installed = true;
  }
}

async function tc(command: string): Promise<void> {
  try {
    await run('tc', command.split(' '));
  } catch (error) {
    throw new Error(`tc ${command} failed (run the test through scripts/netns-exec.sh): ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }
}
