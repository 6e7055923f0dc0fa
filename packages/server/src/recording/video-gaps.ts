import { runTool, type ToolRunOptions } from './tool-run.js';

/**
 * Longer than this without a frame, a video stopped being sent (a camera turned off, which the page
 * does by no longer sending it) rather than slowed down on a poor network.
 */
export const VIDEO_GAP_MS = 1_500;

/**
 * The stretches of a playable video file with no frame for longer than `VIDEO_GAP_MS`, in ms from its
 * start. `janus-pp-rec` keeps the media's own timestamps, so a stream that stopped and went on has a
 * gap in its file; ffmpeg lists each packet's time without decoding (`framecrc` of a stream copy).
 */
export async function videoGaps(file: string, ffmpeg: string, options: ToolRunOptions): Promise<{ startMs: number; endMs: number }[]> {
  const listing = await runTool(ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'framecrc', '-'], options);
  // `#tb 0: 1/1000`: the stream's time base; then one line per packet, its presentation time third.
  const [numerator = 1, denominator = 1000] = (/^#tb 0: (\d+)\/(\d+)$/m.exec(listing) ?? []).slice(1).map(Number);
  const times = listing
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => (Number(line.split(',')[2]) * numerator * 1000) / denominator)
    .sort((a, b) => a - b);
  const gaps: { startMs: number; endMs: number }[] = [];
  for (let i = 1; i < times.length; i++) {
    const [before, after] = [times[i - 1] as number, times[i] as number];
    if (after - before > VIDEO_GAP_MS) gaps.push({ startMs: before, endMs: after });
  }
  return gaps;
}
