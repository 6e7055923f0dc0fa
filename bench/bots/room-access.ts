/**
 * How a bot gets into the benchmark's room: through Parley's signaling WebSocket, as a meeting page
 * does, or straight to a bare Janus VideoRoom with no Parley in the path. Bots only see the two
 * interfaces below, so both paths carry exactly the same media.
 */
import { ParleyBotSignaling } from './parley-bot-signaling.js';
import { JanusPublisherSignaling, JanusSubscriberSignaling } from './janus-bot-signaling.js';

export type RoomAccess =
  /** `publisherToken`: the participant token publishers join with (a webinar's panelist); subscribers join without one. */
  | { path: 'parley'; serverUrl: string; meetingCode: string; publisherToken?: string }
  /** `publisherIds`: the feeds a subscriber asks for (bare Janus has nobody to tell it who publishes). */
  | { path: 'janus'; janusUrl: string; roomId: string; publisherIds: string[] };

export interface PublisherSignaling {
  /** Sends the publisher's offer (candidates included); resolves with the SFU's answer. */
  publish(offerSdp: string): Promise<string>;
  close(): Promise<void>;
}

export interface SubscriberSignaling {
  /**
   * Starts receiving: every offer the SFU makes (the first and each renegotiation) goes to `answer`,
   * whose answer (candidates included) goes back.
   */
  subscribe(answer: (offerSdp: string) => Promise<string>): Promise<void>;
  close(): Promise<void>;
}

/** What a bot sends: a speaker in an audio-only room has no camera. */
export interface MediaSent {
  audio: boolean;
  video: boolean;
}

/** `id`: the bot's feed id on bare Janus, its display name in Parley. */
export function publisherSignaling(access: RoomAccess, id: string, sends: MediaSent): Promise<PublisherSignaling> {
  return access.path === 'parley' ? ParleyBotSignaling.join(access, id, sends) : JanusPublisherSignaling.join(access, id);
}

export function subscriberSignaling(access: RoomAccess, id: string): Promise<SubscriberSignaling> {
  return access.path === 'parley' ? ParleyBotSignaling.join(access, id, { audio: false, video: false }) : Promise.resolve(new JanusSubscriberSignaling(access));
}
