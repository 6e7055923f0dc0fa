import { CANVAS, FRAME_RATE, type RecordedTrack } from './recorded-track.js';

/** Where one video track is drawn during a segment: a cell it is fitted into, keeping its aspect. */
export interface Tile {
  track: RecordedTrack;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A stretch of the recording during which the same videos are shown in the same places. */
export interface LayoutSegment {
  startMs: number;
  endMs: number;
  tiles: Tile[];
}

/** Width of the column of cameras beside a shared screen. */
const CAMERA_COLUMN_WIDTH = 320;
/** Height of one camera in that column: 16:9 at the column's width. */
const CAMERA_COLUMN_CELL_HEIGHT = 180;

/**
 * The recording's video as a timeline of layouts: it changes whenever a video starts or stops. With a
 * screen shared, the screen fills the left of the canvas and cameras stack in a column on the right,
 * the sharer's first; otherwise cameras share the canvas in an even grid, in the order they started.
 * Stretches with no video at all are segments without tiles (black, audio only). A camera's gaps (it
 * was turned off for a while) keep its place in the layout, left black; a screen's gaps (a share
 * stopped, then started again) take it out of the layout meanwhile. Changes are snapped to whole
 * frames, so every segment lasts a whole number of frames and segments add up exactly.
 */
export function layoutTimeline(tracks: readonly RecordedTrack[], durationMs: number): LayoutSegment[] {
  const end = toFrame(durationMs);
  const videos = tracks
    .filter((t) => t.kind === 'video')
    .map((track) => ({
      track,
      startMs: toFrame(track.startMs),
      endMs: toFrame(track.endMs),
      gaps: (track.gaps ?? []).map((gap) => ({ startMs: toFrame(gap.startMs), endMs: toFrame(gap.endMs) })),
    }))
    .filter((v) => v.endMs > v.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.track.participantId.localeCompare(b.track.participantId));
  const cuts = new Set<number>([0, end]);
  for (const video of videos) {
    for (const at of [video.startMs, video.endMs, ...video.gaps.flatMap((gap) => [gap.startMs, gap.endMs])]) {
      if (at > 0 && at < end) cuts.add(at);
    }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const segments: LayoutSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const startMs = bounds[i] as number;
    const endMs = bounds[i + 1] as number;
    const sent = videos.filter((v) => v.startMs <= startMs && v.endMs >= endMs);
    const silent = new Set(sent.filter((v) => v.gaps.some((gap) => gap.startMs <= startMs && gap.endMs >= endMs)).map((v) => v.track));
    // A silent camera keeps its place; a silent screen is a share that ended (and started again later).
    const present = sent.map((v) => v.track).filter((track) => !(silent.has(track) && track.source === 'screen'));
    segments.push({ startMs, endMs, tiles: arrange(present).filter((tile) => !silent.has(tile.track)) });
  }
  return segments;
}

const FRAME_MS = 1000 / FRAME_RATE;

function toFrame(ms: number): number {
  return Math.round(ms / FRAME_MS) * FRAME_MS;
}

function arrange(videos: RecordedTrack[]): Tile[] {
  const screens = videos.filter((v) => v.source === 'screen');
  // Several screens at once: the one shared last is the one being talked about.
  const screen = screens[screens.length - 1];
  const cameras = videos.filter((v) => v.source === 'camera');
  if (!screen) return grid(cameras);
  const sharerFirst = [...cameras.filter((c) => c.participantId === screen.participantId), ...cameras.filter((c) => c.participantId !== screen.participantId)];
  const cellHeight = sharerFirst.length === 0 ? 0 : Math.min(CAMERA_COLUMN_CELL_HEIGHT, Math.floor(CANVAS.height / sharerFirst.length));
  const screenWidth = sharerFirst.length === 0 ? CANVAS.width : CANVAS.width - CAMERA_COLUMN_WIDTH;
  return [
    { track: screen, x: 0, y: 0, width: screenWidth, height: CANVAS.height },
    ...sharerFirst.map((track, i) => ({ track, x: screenWidth, y: i * cellHeight, width: CAMERA_COLUMN_WIDTH, height: cellHeight })),
  ];
}

function grid(cameras: RecordedTrack[]): Tile[] {
  if (cameras.length === 0) return [];
  const columns = Math.ceil(Math.sqrt(cameras.length));
  const rows = Math.ceil(cameras.length / columns);
  const width = Math.floor(CANVAS.width / columns);
  const height = Math.floor(CANVAS.height / rows);
  return cameras.map((track, i) => {
    const row = Math.floor(i / columns);
    // A last row that is not full is centred, as meeting grids are.
    const inRow = row === rows - 1 ? cameras.length - row * columns : columns;
    const offset = Math.floor((CANVAS.width - inRow * width) / 2);
    return { track, x: offset + (i % columns) * width, y: row * height, width, height };
  });
}
