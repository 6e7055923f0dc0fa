/**
 * A meeting UI of its own, on @parley/client alone: whoever speaks is large (the spotlight), everyone
 * else, oneself included, is small below (the filmstrip). The server sends each video at the size it
 * is shown. Open it as `?server=<Parley's URL>&room=<meeting code>` (and `&token=<participant_token>`
 * to join as the host).
 */
import { ParleyClientError, ParleyRoom, fetchRoomInfo, type ParticipantInfo, type VideoTileView } from '@parley/client';

const params = new URLSearchParams(location.search);
const serverUrl = params.get('server') ?? location.origin;
const meetingCode = params.get('room') ?? '';
const participantToken = params.get('token') ?? undefined;

const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const joinForm = element<HTMLFormElement>('join');
const joinButton = joinForm.querySelector('button')!;
const meeting = element('meeting');
const spotlight = element('spotlight');
const filmstrip = element('filmstrip');
const status = element('status');

fetchRoomInfo(meetingCode, { baseUrl: serverUrl }).then(
  (info) => (element('room-name').textContent = info.displayName),
  (error: Error) => (status.textContent = error.message),
);

joinForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const displayName = String(new FormData(joinForm).get('name'));
  joinButton.disabled = true;
  status.textContent = 'Joining…';
  try {
    const localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
    const room = await ParleyRoom.join({ serverUrl, meetingCode, participantToken, displayName, localStream, audioMuted: false, videoMuted: false });
    status.textContent = '';
    showMeeting(room);
  } catch (error) {
    status.textContent = error instanceof ParleyClientError ? `Could not join (${error.code}): ${error.message}` : String(error);
  } finally {
    joinButton.disabled = false;
  }
});

function showMeeting(room: ParleyRoom): void {
  joinForm.hidden = true;
  meeting.hidden = false;
  /** Everything this meeting listens to on the page, let go when it ends. */
  const ended = new AbortController();
  const tiles = new Map<string, HTMLElement>();
  /** Who spoke, most recent first: the first of them still here has the spotlight. */
  let speakers: string[] = [];

  const play = (tile: HTMLElement, stream: MediaStream) => {
    const video = tile.querySelector('video')!;
    video.srcObject = null; // re-assigned, so that every browser plays the tracks added since
    video.srcObject = stream;
  };
  /** Someone's tile, made on first sight; its name and microphone follow `info`. */
  const tileFor = (info: ParticipantInfo, stream: MediaStream, self = false): HTMLElement => {
    let tile = tiles.get(info.id);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = 'tile';
      tile.dataset.participantId = info.id;
      if (self) tile.dataset.self = 'true';
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = self; // one's own sound would echo
      tile.append(video, document.createElement('figcaption'));
      tiles.set(info.id, tile);
      play(tile, stream);
    }
    tile.dataset.participantName = info.displayName;
    tile.dataset.audioMuted = String(info.audioMuted);
    tile.querySelector('figcaption')!.textContent = self ? `${info.displayName} (you)` : info.displayName;
    return tile;
  };

  /** Puts the speaker in the spotlight and everyone else in the filmstrip, and asks for video at those sizes. */
  const layout = () => {
    const others = room.participants().map((p) => p.info.id);
    const star = speakers.find((id) => others.includes(id)) ?? others[0] ?? room.self.id;
    for (const [id, tile] of tiles) {
      const place = id === star ? spotlight : filmstrip;
      if (tile.parentElement === place) continue;
      place.append(tile);
      void tile.querySelector('video')!.play().catch(() => undefined); // moving a video pauses it
    }
    const view = others.map((participantId): VideoTileView => {
      const { width, height } = tiles.get(participantId)!.getBoundingClientRect();
      return { participantId, source: 'camera', width: Math.round(width * devicePixelRatio), height: Math.round(height * devicePixelRatio) };
    });
    room.setVideoView(view);
  };

  // The switches show what the server knows: one's own clicks, and a moderator's mute, alike.
  const showSwitches = () => {
    element('microphone').setAttribute('aria-pressed', String(!room.self.audioMuted));
    element('camera').setAttribute('aria-pressed', String(!room.self.videoMuted));
  };

  tileFor(room.self, room.localStream, true);
  for (const { info, stream } of room.participants()) tileFor(info, stream);
  const offs = [
    room.on('self-updated', (self) => (tileFor(self, room.localStream, true), showSwitches())),
    room.on('participant-joined', ({ info, stream }) => (tileFor(info, stream), layout())),
    room.on('participant-updated', ({ info, stream }) => tileFor(info, stream)),
    room.on('track', ({ info, stream }) => play(tileFor(info, stream), stream)),
    room.on('participant-left', (id) => {
      tiles.get(id)?.remove();
      tiles.delete(id);
      layout();
    }),
    room.on('speaking', (id, speaking) => {
      tiles.get(id)?.setAttribute('data-speaking', String(speaking));
      if (speaking) speakers = [id, ...speakers.filter((s) => s !== id)];
      layout();
    }),
  ];
  addEventListener('resize', layout, { signal: ended.signal });
  layout();

  const onClick = (id: string, action: () => Promise<void> | void) =>
    element(id).addEventListener(
      'click',
      async () => {
        try {
          await action();
        } catch (error) {
          status.textContent = (error as Error).message; // a moderator's mute, the presenter limit…
        }
      },
      { signal: ended.signal },
    );
  onClick('microphone', () => room.setMicrophoneEnabled(room.self.audioMuted));
  onClick('camera', () => room.setCameraEnabled(room.self.videoMuted));
  onClick('leave', () => room.leave());
  showSwitches();

  room.on('disconnected', (reason) => {
    ended.abort();
    for (const off of offs) off();
    for (const track of room.localStream.getTracks()) track.stop();
    spotlight.replaceChildren();
    filmstrip.replaceChildren();
    meeting.hidden = true;
    joinForm.hidden = false;
    status.textContent = reason === 'left' ? 'You left the meeting.' : `The meeting ended for you (${reason}).`;
  });
}
