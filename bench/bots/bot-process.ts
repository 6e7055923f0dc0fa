import { fork, type ChildProcess } from 'node:child_process';
import type { BotCommand, BotEvent } from './bot-messages.js';

/** Joining takes a while per bot on a busy machine; the limit only catches a process that hangs. */
const READY_TIMEOUT_MS_PER_BOT = 10_000;
const READY_TIMEOUT_MS = 30_000;
/** Generous: a bot process setting up dozens of DTLS handshakes on a busy machine answers late. */
const REPORT_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The benchmark's side of one bot process (`publisher-bot.ts` or `subscriber-bot.ts`): starts it with
 * the same loader flags as this process, sends it its bots, asks for their totals, stops it.
 */
export class BotProcess<Start extends { type: 'start' }, Totals> {
  private readonly waiting: ((event: BotEvent<Totals>) => void)[] = [];
  private exitReason: string | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (event: BotEvent<Totals>) => this.waiting.shift()?.(event));
    child.once('exit', (code, signal) => {
      this.exitReason = `the bot process exited (${signal ?? `code ${code}`})`;
      for (const resolve of this.waiting.splice(0)) resolve({ type: 'failed', message: this.exitReason });
    });
  }

  /** Starts the bots of `file`; resolves once all of them carry media. */
  static async start<Start extends { type: 'start'; ids: string[] }, Totals>(file: string, command: Start): Promise<BotProcess<Start, Totals>> {
    const bots = new BotProcess<Start, Totals>(fork(file, [], { execArgv: process.execArgv }));
    const event = await bots.request(command, READY_TIMEOUT_MS + READY_TIMEOUT_MS_PER_BOT * command.ids.length);
    if (event.type !== 'ready') {
      await bots.stop();
      throw new Error(`Bots of ${file} did not start: ${event.type === 'failed' ? event.message : event.type}`);
    }
    return bots;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async totals(): Promise<Totals> {
    const event = await this.request({ type: 'report' }, REPORT_TIMEOUT_MS);
    if (event.type !== 'report') throw new Error(`A bot process did not report: ${event.type === 'failed' ? event.message : event.type}`);
    return event.totals;
  }

  /** Tells the process to leave the room and exit; resolves once it has. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies BotCommand<Start>);
    // The bots bound their own leaving; a process still there after that is stuck.
    const stuck = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    return exited.finally(() => clearTimeout(stuck));
  }

  private request(command: BotCommand<Start>, timeoutMs: number): Promise<BotEvent<Totals>> {
    if (this.exitReason) return Promise.resolve({ type: 'failed', message: this.exitReason });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(answer);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve({ type: 'failed', message: `no answer to ${command.type} within ${timeoutMs} ms` });
      }, timeoutMs);
      const answer = (event: BotEvent<Totals>): void => {
        clearTimeout(timer);
        resolve(event);
      };
      this.waiting.push(answer);
      this.child.send(command);
    });
  }
}
