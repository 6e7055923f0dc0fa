import WebSocket from 'ws';
import { SIGNALING_PATH, type ClientMessage, type ServerMessage } from '@parley/protocol';
import type { MediaSent, PublisherSignaling, RoomAccess, SubscriberSignaling } from './room-access.js';

const ANSWER_TIMEOUT_MS = 30_000;

/**
 * A bot in a Parley meeting: joins over the signaling WebSocket with the meeting code, as a guest's
 * page does, and relays SDP through Parley. Candidates travel inside the SDP (the bots gather them all
 * before sending), so each connection only sends the end-of-candidates `trickle`.
 */
export class ParleyBotSignaling implements PublisherSignaling, SubscriberSignaling {
  private pendingPublish: { resolve: (sdp: string) => void; reject: (error: Error) => void } | undefined;
  private answerOffer: ((offerSdp: string) => Promise<string>) | undefined;
  /** An offer that came before `subscribe`: Parley offers as soon as the bot joins. */
  private earlyOffer: string | undefined;
  private offers: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private leaving = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly displayName: string,
  ) {
    socket.on('message', (data) => this.receive(JSON.parse(data.toString()) as ServerMessage));
    socket.on('close', () => this.fail(new Error('Parley closed the signaling connection')));
  }

  /** `sends`: what the bot says it has on, its microphone and its camera; a subscriber sends neither. */
  static async join(access: Extract<RoomAccess, { path: 'parley' }>, displayName: string, sends: MediaSent): Promise<ParleyBotSignaling> {
    const url = new URL(SIGNALING_PATH, access.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const joined = new Promise<void>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData): void => {
        const message = JSON.parse(data.toString()) as ServerMessage;
        if (message.type === 'joined') resolve();
        else if (message.type === 'error' && message.fatal) reject(new Error(`join refused: ${message.code} ${message.message}`));
        else return;
        socket.off('message', onMessage);
      };
      socket.on('message', onMessage);
    });
    const signaling = new ParleyBotSignaling(socket, displayName);
    const publishing = sends.audio || sends.video;
    const token = publishing && access.publisherToken !== undefined ? { participantToken: access.publisherToken } : {};
    signaling.send({ type: 'join', meetingCode: access.meetingCode, ...token, displayName, audioMuted: !sends.audio, videoMuted: !sends.video });
    await joined;
    return signaling;
  }

  publish(offerSdp: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Parley did not answer the publish offer')), ANSWER_TIMEOUT_MS);
      this.pendingPublish = {
        resolve: (sdp) => (clearTimeout(timer), resolve(sdp)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
    this.send({ type: 'publish', sdp: offerSdp });
    this.send({ type: 'trickle', pc: 'publisher', candidate: null });
    return answer;
  }

  async subscribe(answer: (offerSdp: string) => Promise<string>): Promise<void> {
    this.answerOffer = answer;
    if (this.earlyOffer !== undefined) this.queueOffer(this.earlyOffer);
    this.earlyOffer = undefined;
  }

  async close(): Promise<void> {
    this.leaving = true;
    this.send({ type: 'leave' });
    this.socket.close(1000);
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'publisher-answer':
        this.pendingPublish?.resolve(message.sdp);
        this.pendingPublish = undefined;
        break;
      case 'subscriber-offer':
        // Publishers ignore the media of the others: in this benchmark only subscriber bots receive.
        if (this.answerOffer) this.queueOffer(message.sdp);
        else this.earlyOffer = message.sdp;
        break;
      case 'error':
        this.fail(new Error(`Parley refused a request: ${message.code} ${message.message}`));
        break;
      default:
        break;
    }
  }

  /** Offers are answered one at a time, in the order Parley made them. */
  private queueOffer(offerSdp: string): void {
    const answer = this.answerOffer;
    if (!answer) return;
    this.offers = this.offers
      .then(() => answer(offerSdp))
      .then((sdp) => {
        this.send({ type: 'subscriber-answer', sdp });
        this.send({ type: 'trickle', pc: 'subscriber', candidate: null });
      })
      .catch((error: Error) => this.fail(error));
  }

  private fail(error: Error): void {
    if (this.leaving) return;
    // A subscriber has nobody waiting on it to hear this: say it, or its bot just never connects.
    if (!this.failure) console.error(`${this.displayName}: ${error.message}`);
    this.failure ??= error;
    this.pendingPublish?.reject(error);
    this.pendingPublish = undefined;
  }

  private send(message: ClientMessage): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
