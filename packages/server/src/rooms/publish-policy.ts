import type { StreamSource } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { sdpMediaLines } from '../media/sdp-media-lines.js';

/** What a publisher offer carries: the source of each media line, and which sources it sends. */
export interface OfferedSources {
  /** By mid, every audio and video line the offer names, sending or not (an inactive camera). */
  byMid: Map<string, StreamSource>;
  sending: Set<StreamSource>;
}

const KIND_OF: Record<StreamSource, 'audio' | 'video'> = {
  microphone: 'audio',
  camera: 'video',
  screen: 'video',
  'screen-audio': 'audio',
};

/** Sources that make a participant a presenter: they send video. */
export function sendsVideo(sources: ReadonlySet<StreamSource>): boolean {
  return sources.has('camera') || sources.has('screen');
}

/**
 * Reads which source each media line of a publisher offer carries, from the SDP itself (which lines
 * really send) and the page's naming (`named`, by mid). Without naming, the first audio line is the
 * microphone and the first video line the camera. Throws `validation_failed` for an offer that sends
 * an unnamed line, names a line it does not have or of the wrong kind, or sends one source twice.
 */
export function offeredSources(sdp: string, named: Readonly<Record<string, StreamSource>> | undefined): OfferedSources {
  const lines = sdpMediaLines(sdp).filter((line) => line.kind === 'audio' || line.kind === 'video');
  const byMid = new Map<string, StreamSource>();
  const sending = new Set<StreamSource>();
  if (named) {
    for (const mid of Object.keys(named)) {
      if (!lines.some((line) => line.mid === mid)) throw ParleyError.validation(`The offer has no media line ${mid}`);
    }
  }
  let defaultAudio: string | undefined;
  let defaultVideo: string | undefined;
  if (!named) {
    defaultAudio = lines.find((line) => line.kind === 'audio')?.mid;
    defaultVideo = lines.find((line) => line.kind === 'video')?.mid;
  }
  for (const line of lines) {
    if (line.mid === undefined) {
      if (line.sending) throw ParleyError.validation('Every media line of the offer needs a mid');
      continue;
    }
    const source = named?.[line.mid] ?? (line.mid === defaultAudio ? 'microphone' : line.mid === defaultVideo ? 'camera' : undefined);
    if (source === undefined) {
      if (line.sending) throw ParleyError.validation(`Media line ${line.mid} sends, but its source is not named`);
      continue;
    }
    if (KIND_OF[source] !== line.kind) throw ParleyError.validation(`Media line ${line.mid} is ${line.kind}, which cannot carry ${source}`);
    if (line.sending) {
      if (sending.has(source)) throw ParleyError.validation(`The offer sends ${source} twice`);
      sending.add(source);
    }
    byMid.set(line.mid, source);
  }
  return { byMid, sending };
}

/** Someone else in the session, as far as what they send goes. */
export interface OtherPublisher {
  displayName: string;
  sources: ReadonlySet<StreamSource>;
}

/**
 * Whether a participant may start sending `sending`, given what the others send: at most
 * `maxPresenters` people send video (camera or screen), and one person at a time shares a screen.
 * Returns the refusal, or `undefined` when allowed.
 */
export function publishRefusal(sending: ReadonlySet<StreamSource>, others: Iterable<OtherPublisher>, maxPresenters: number): ParleyError | undefined {
  if (!sendsVideo(sending)) return undefined;
  let presenters = 0;
  for (const other of others) {
    if (sending.has('screen') && other.sources.has('screen')) {
      return new ParleyError('screen_share_busy', `${other.displayName} is already sharing their screen; one person shares at a time`);
    }
    if (sendsVideo(other.sources)) presenters++;
  }
  if (presenters >= maxPresenters) {
    return new ParleyError('presenter_limit_reached', `This meeting’s presenter limit is reached (${maxPresenters} sending video); audio still works`);
  }
  return undefined;
}
