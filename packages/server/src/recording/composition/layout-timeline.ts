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
 * Stretches with no video at all are segments without tiles (black, audio only). Changes are snapped
 * to whole frames, so every segment lasts a whole number of frames and segments add up exactly.
 */
export function layoutTimeline(tracks: readonly RecordedTrack[], durationMs: number): LayoutSegment[] {
  const end = toFrame(durationMs);
  const videos = tracks
    .filter((t) => t.kind === 'video')
    .map((track) => ({ track, startMs: toFrame(track.startMs), endMs: toFrame(track.endMs) }))
    .filter((v) => v.endMs > v.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.track.participantId.localeCompare(b.track.participantId));
  const cuts = new Set<number>([0, end]);
  for (const video of videos) {
    if (video.startMs > 0 && video.startMs < end) cuts.add(video.startMs);
    if (video.endMs > 0 && video.endMs < end) cuts.add(video.endMs);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const segments: LayoutSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const startMs = bounds[i] as number;
    const endMs = bounds[i + 1] as number;
    const shown = videos.filter((v) => v.startMs <= startMs && v.endMs >= endMs).map((v) => v.track);
    segments.push({ startMs, endMs, tiles: arrange(shown) });
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
