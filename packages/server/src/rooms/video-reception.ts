import { CAMERA_SIMULCAST_LAYERS, type VideoTileView } from '@parley/protocol';
import type { PublishedStream, SimulcastLayer, StreamReception } from '../media/media-backend.js';

/** Another participant's published stream. */
export interface RemoteStream extends PublishedStream {
  participantId: string;
}

/**
 * A layer may be shown up to this much larger than it is before the next one up is worth its
 * bandwidth: a 180-pixel layer still looks sharp in a 225-pixel tile.
 */
const UPSCALE_TOLERANCE = 1.25;

/** The aspect ratio cameras are captured in (720p): a wide tile needs the height its width implies. */
const CAMERA_ASPECT = 16 / 9;

/**
 * How one participant receives the others' streams, given what their page shows (`view`, or
 * `undefined` before it first said): every audio; each video only if a tile shows it, at the lowest
 * simulcast layer that fills its tile; every video at the highest layer when the page never said.
 * Streams without simulcast (a screen share) always say layer 0.
 */
export function planReception(view: readonly VideoTileView[] | undefined, streams: readonly RemoteStream[]): StreamReception[] {
  const tiles = new Map<string, VideoTileView>();
  for (const tile of view ?? []) {
    const key = `${tile.participantId}/${tile.source}`;
    const known = tiles.get(key);
    // The same video in two tiles (a speaker also in the strip) is sent for the larger one.
    if (!known || tile.width * tile.height > known.width * known.height) tiles.set(key, tile);
  }
  return streams.map((stream) => {
    if (stream.kind === 'audio') return { ...stream, send: true, layer: 0 };
    if (!view) return { ...stream, send: true, layer: stream.simulcast ? highestLayer() : 0 };
    const tile = tiles.get(`${stream.participantId}/${stream.source}`);
    if (!tile) return { ...stream, send: false, layer: 0 };
    return { ...stream, send: true, layer: stream.simulcast ? layerFor(tile) : 0 };
  });
}

/** The lowest layer tall enough for the tile, or the highest when none is. */
export function layerFor(tile: Pick<VideoTileView, 'width' | 'height'>): SimulcastLayer {
  const needed = Math.max(tile.height, tile.width / CAMERA_ASPECT);
  const index = CAMERA_SIMULCAST_LAYERS.findIndex((layer) => layer.height * UPSCALE_TOLERANCE >= needed);
  return (index === -1 ? highestLayer() : index) as SimulcastLayer;
}

function highestLayer(): SimulcastLayer {
  return (CAMERA_SIMULCAST_LAYERS.length - 1) as SimulcastLayer;
}
