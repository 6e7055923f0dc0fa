/**
 * The code of docs/client-sdk.md, type-checked with the rest of the repository (`npm run typecheck`):
 * the import below and the body of each function are the guide's code blocks, word for word
 * (packages/client/src/guide.test.ts checks). What is declared, not defined, is the reader's own UI.
 */
import { ParleyClientError, ParleyRoom, REACTIONS, canModerate, fetchRoomInfo, type RemoteParticipant } from '@parley/client';

declare const meetingCode: string;
declare const participantToken: string | undefined;
declare const password: string | undefined;
declare const room: ParleyRoom;
declare const someone: RemoteParticipant;
declare const speaker: RemoteParticipant;
declare const thumbnails: RemoteParticipant[];
declare function show(text: string): void;
declare function videoOf(participantId: string): HTMLVideoElement;
declare function screenOf(participantId: string): HTMLVideoElement;
declare function render(what: unknown): void;
declare function ask(question: string): Promise<boolean>;

export async function beforeJoining(): Promise<void> {
  const info = await fetchRoomInfo(meetingCode, { baseUrl: 'https://meet.example.com' });
  if (!info.isAvailable) show(`${info.displayName} has ended`);
  // info.features.chat, info.passwordRequired, info.microphoneState ('on' | 'off' | 'default'), info.theme…
}

export async function joining(): Promise<void> {
  const localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  const leaveWaitingRoom = new AbortController();
  try {
    const room = await ParleyRoom.join({
      serverUrl: 'https://meet.example.com', // the Parley server; defaults to the page's own origin
      meetingCode,
      participantToken, // the host URL's participant_token; undefined for guests
      displayName: 'Ada Lovelace',
      localStream,
      audioMuted: false,
      videoMuted: false,
      password, // for guests of a room with one (info.passwordRequired)
      onWaiting: (reason) => show(reason === 'host_absent' ? 'Waiting for the host' : 'Waiting to be let in'),
      signal: leaveWaitingRoom.signal, // abort to give up (leave the waiting room)
    });
    show(`In ${room.roomDisplayName} as ${room.self.displayName} (${room.self.role})`);
  } catch (error) {
    if (!(error instanceof ParleyClientError)) throw error;
    // 'password_required', 'password_incorrect', 'room_locked', 'admission_denied', 'participant_blocked',
    // 'room_unavailable', 'not_found', 'cancelled', 'timeout', 'connection_lost'…
    show(`Could not join: ${error.code}`);
  }
}

export async function publishing(): Promise<void> {
  room.setMicrophoneEnabled(false); // throws media_moderated while a moderator keeps it off
  await room.setCameraEnabled(true); // rejects with presenter_limit_reached or media_moderated
  if (room.cameraRefusedAtJoin) show('The meeting has all the video it allows: you joined with your camera off');

  const [camera] = (await navigator.mediaDevices.getUserMedia({ video: { deviceId: 'another-camera' } })).getVideoTracks();
  if (camera) await room.replaceTrack(camera); // same sender, no renegotiation

  const shared = await room.startScreenShare(); // the browser's picker; screen_share_cancelled, screen_share_busy…
  show(`Sharing ${shared.getVideoTracks()[0]?.label}`);
  room.on('local-screen-share', (stream) => show(stream ? 'You are sharing' : 'You stopped sharing')); // the browser's own button too
  await room.stopScreenShare();
}

export function subscribing(): void {
  const play = (element: HTMLVideoElement, stream: MediaStream) => {
    element.srcObject = null; // re-assigned, so that every browser plays the tracks added since
    element.srcObject = stream;
  };
  const attach = (participant: RemoteParticipant) => {
    play(videoOf(participant.info.id), participant.stream); // microphone and camera
    play(screenOf(participant.info.id), participant.screenStream); // their screen share, while info.screenSharing
  };
  room.participants().forEach(attach);
  room.on('participant-joined', attach);
  room.on('track', (participant, track, source) => attach(participant)); // source: 'microphone', 'camera', 'screen', 'screen-audio'
  room.on('participant-left', (participantId) => videoOf(participantId).remove());

  // Only what is on screen, at the size it is shown (device pixels): the server sends each video at the
  // simulcast layer that size needs and pauses the others. Sound always flows.
  room.setVideoView([
    { participantId: speaker.info.id, source: 'camera', width: 1280, height: 720 },
    ...thumbnails.map((p) => ({ participantId: p.info.id, source: 'camera' as const, width: 320, height: 180 })),
  ]);
}

export function events(): void {
  const off = room.on('participant-updated', ({ info }) => render(info)); // name, media, role, moderation
  room.on('self-updated', (self) => render(self)); // oneself: by one's own switches, or a moderator
  room.on('speaking', (participantId, speaking) => render({ participantId, speaking })); // oneself included
  off(); // every `on` returns its own way out
}

export async function chatting(): Promise<void> {
  for (const m of room.chatMessages()) show(`${m.senderName}: ${m.text}`); // what was said before one joined, too
  room.on('chat-message', (m) => show(`${m.senderName}: ${m.text}`)); // plain text: never render it as HTML
  await room.sendChatMessage('Hello'); // validation_failed, chat_unavailable, rate_limited, connection_lost…
}

export async function handsAndReactions(): Promise<void> {
  await room.raiseHand();
  render(room.raisedHands()); // the queue, first raised first
  room.on('hand-raised', (hand) => render(hand));
  room.on('hand-lowered', (participantId, by) => render({ participantId, loweredBy: by?.displayName }));
  await room.lowerHand();

  room.on('reaction', (reaction) => render(reaction)); // show reaction.emoji over reaction.participantId's tile a moment
  await room.sendReaction(REACTIONS[0]); // '👍' '👏' '😂' '😮' '❤️' '🎉'; rate_limited beyond a few a second
}

export async function moderating(): Promise<void> {
  if (!canModerate(room.self.role)) return; // hosts and co-hosts; the server refuses others with forbidden
  await room.muteParticipant(someone.info.id); // stops their microphone at the media server
  await room.stopParticipantCamera(someone.info.id);
  await room.askToUnmute(someone.info.id, 'audio'); // they get unmute-requested
  await room.muteEveryone(); // everyone who cannot moderate
  await room.lowerHand(someone.info.id);
  await room.setParticipantRole(someone.info.id, 'cohost');
  await room.removeParticipant(someone.info.id, { block: true }); // a blocked guest cannot come back
  await room.endMeeting(); // hosts only: everyone is disconnected with ended_by_host
}

export function beingModerated(): void {
  room.on('media-stopped', (kind, by) => show(`${by.displayName} turned off your ${kind === 'audio' ? 'microphone' : 'camera'}`));
  room.on('unmute-requested', async (kind, by) => {
    if (await ask(`${by.displayName} asks you to turn on your ${kind === 'audio' ? 'microphone' : 'camera'}`)) {
      await room.acceptUnmuteRequest(kind); // lifts the moderator's stop, then turns it on
    }
  });
}

export async function webinars(): Promise<void> {
  if (room.runtimeStatus === undefined) return; // a meeting, not a webinar
  render(room.runtimeStatus); // 'Practice' | 'Live' | 'Break' | 'Debrief'
  room.on('runtime-status', (status) => render(status));
  room.on('attendee-count', (count) => render(count));
  room.on('question', (question) => render(question)); // asked, answered or dismissed
  render(room.questions()); // the stage: all; an attendee: the answered ones and their own
  if (room.self.role === 'attendee') {
    await room.askQuestion('Will the slides be shared?'); // plain text; rate_limited beyond a few a minute
    return;
  }
  const [question] = room.questions().filter((q) => q.status === 'open');
  if (question) await room.answerQuestion(question.id, 'Yes, after the webinar'); // every attendee sees it
  if (!canModerate(room.self.role)) return;
  await room.setRuntimeStatus('Live'); // attendees start receiving the stage's media; then 'Break', 'Debrief'
  await room.setParticipantRole(someone.info.id, 'panelist'); // an attendee on stage; 'attendee' sends them back
}

export function admitting(): void {
  room.setLocked(true); // moderators: nobody new gets in; everyone hears room-updated
  room.on('room-updated', (settings) => render(settings)); // { locked, features }
  room.on('waiting-room', (waiting) => render(waiting)); // moderators: who waits, longest first
  room.admit(room.waitingGuests().map((guest) => guest.id)); // "admit all": exactly those listed
  const [first] = room.waitingGuests();
  if (first) room.deny([first.id]);
}

export async function captioning(): Promise<void> {
  room.on('captions-state', ({ active }) => render({ captionsOn: active })); // for everyone, on every change
  room.on('caption', (caption) => show(`${caption.displayName}: ${caption.text}`)); // one utterance, at caption.at
  if (canModerate(room.self.role) && !room.captions.active) {
    await room.startCaptions(); // captions_unavailable (the room offers none), speech_recognizer_unavailable (the server has none)
  }
  await room.stopCaptions(); // moderators; guests are refused with forbidden
}

export async function renaming(): Promise<void> {
  await room.setDisplayName('Ada King'); // everyone sees it; validation_failed, rate_limited
}

export function reconnecting(): void {
  room.on('reconnecting', () => show('Reconnecting…')); // media may keep flowing; requests in flight fail
  room.on('reconnected', () => show('Back')); // whatever changed meanwhile arrived just before, as events
  room.on('participant-updated', ({ info }) => render({ id: info.id, reconnecting: info.reconnecting === true }));
}

export function networkQuality(): void {
  room.on('network-quality', (participantId, quality) => render({ participantId, quality })); // good, fair, poor, unknown
  render(room.networkQuality(room.self.id)); // how one's own media leaves
}

export async function leaving(): Promise<void> {
  room.on('disconnected', (reason, message, by) => show(`${reason}${by ? ` by ${by.displayName}` : ''}: ${message ?? ''}`));
  await room.leave();
}
