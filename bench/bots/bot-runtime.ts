import type { BotCommand, BotEvent } from './bot-messages.js';

/** What one kind of bot does inside its process. */
export interface BotKind<Start, Totals> {
  /** Brings every bot of the process into the room; resolves once all of them carry media. */
  start(command: Start): Promise<void>;
  totals(): Promise<Totals>;
  /** Leaves the room; bounded, since the process exits right after anyway. */
  leave(): Promise<void>;
}

const LEAVE_TIMEOUT_MS = 3000;

/**
 * Runs a bot process: obeys the benchmark's commands over IPC. Ends with `process.exit()`, never by
 * letting Node wind down: @roamhq/wrtc crashes a normal exit once a track was used (DESIGN.md).
 */
export function runBotProcess<Start extends { type: 'start' }, Totals>(kind: BotKind<Start, Totals>): void {
  const send = (event: BotEvent<Totals>): void => void process.send?.(event);
  const exit = async (code: number): Promise<never> => {
    await Promise.race([kind.leave().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, LEAVE_TIMEOUT_MS))]);
    process.exit(code);
  };
  process.on('message', (command: BotCommand<Start>) => {
    if (command.type === 'start') {
      kind.start(command as Start).then(
        () => send({ type: 'ready' }),
        (error: Error) => send({ type: 'failed', message: error.stack ?? error.message }),
      );
    } else if (command.type === 'report') {
      void kind.totals().then((totals) => send({ type: 'report', totals }));
    } else {
      void exit(0);
    }
  });
  // The benchmark died or was interrupted: nobody will say stop.
  process.on('disconnect', () => void exit(0));
}
