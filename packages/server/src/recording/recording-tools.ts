import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { runTool } from './tool-run.js';

/**
 * Says at start-up, naming the tool and the fix, when a tool recordings need cannot be run: meetings
 * work without them, but every recording would fail. The server starts all the same.
 */
export async function warnOfMissingRecordingTools(config: Pick<Config, 'ffmpegBinary' | 'janusPpRecBinary'>, logger: Logger): Promise<void> {
  const tools = [
    { binary: config.ffmpegBinary, args: ['-version'], variable: 'PARLEY_FFMPEG' },
    { binary: config.janusPpRecBinary, args: ['--help'], variable: 'PARLEY_JANUS_PP_REC' },
  ];
  for (const { binary, args, variable } of tools) {
    try {
      await runTool(binary, args, { timeoutMs: 10_000 });
    } catch (error) {
      logger.error(
        { err: error },
        `${binary} cannot be run, so recordings cannot be processed: install it (make setup) or set ${variable} to where it is`,
      );
    }
  }
}
