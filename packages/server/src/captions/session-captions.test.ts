import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import type { ServerMessage } from '@parley/protocol';
import type { CreateRoomInput } from '../rooms/room-service.js';
import type { Room } from '../rooms/room.js';
import { liveRoomsForSuite } from '../rooms/test-support/live-rooms-for-suite.js';
import { RecordedConnection } from '../rooms/test-support/recorded-connection.js';
import { parleyErrorWith } from '../test-support/test-services.js';
import { PocketsphinxRecognizer } from './pocketsphinx-recognizer.js';
import { SessionCaptions } from './session-captions.js';

/** Captions of live sessions over a real Janus (no media flows) and a real database: who may turn them on, when they are refused, what everyone sees. */
describe('live captions of a session', { timeout: 60_000 }, () => {
  const suite = liveRoomsForSuite('captions', { rtpPorts: { min: 47500, max: 47999 } });
  const { clock } = suite;

  const newRoom = (input: Partial<CreateRoomInput> = {}): Promise<Room> =>
    suite.rooms.create(suite.applicationId, {
      displayName: 'Captioned',
      type: 'long_term',
      expiresAt: new Date(clock.now().getTime() + 30 * 24 * 3600_000),
      ...input,
      features: { captions: true, ...input.features },
    });
  const hostToken = (room: Room) => suite.services.participantTokens.mint({ participantId: room.hostParticipantId, roomId: room.id, role: 'host' });
  const join = async (room: Room, displayName: string, as: { host?: boolean } = {}) => {
    const connection = new RecordedConnection();
    const who = as.host ? { participantToken: hostToken(room) } : { guestId: `guest-${displayName.toLowerCase()}-id` };
    const joined = await suite.liveRooms.join({ type: 'join', meetingCode: room.meetingCode, displayName, audioMuted: false, videoMuted: false, ...who }, connection);
    return { connection, ...joined };
  };
  const off = { active: false, language: 'en-US' };
  const on = { active: true, language: 'en-US' };

  test('moderators turn captions on and off for everyone, newcomers included; guests may not', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const ann = await join(room, 'Ann');
    assert.deepEqual(ann.connection.last('captions-state')?.captions, off, 'told on joining');

    await assert.rejects(ann.session.captions.set(ann.participant.info, true), parleyErrorWith('forbidden', 'Only the host or a co-host can turn captions on or off'));
    assert.equal(host.connection.of('captions-state').length, 1, 'a refusal changes nothing');

    await host.session.captions.set(host.participant.info, true);
    for (const person of [host, ann]) assert.deepEqual(person.connection.last('captions-state')?.captions, on);
    const bob = await join(room, 'Bob');
    assert.deepEqual(bob.connection.last('captions-state')?.captions, on, 'a newcomer is told captions are on');
    await host.session.captions.set(host.participant.info, true);
    assert.equal(host.connection.of('captions-state').length, 2, 'turning on what is on changes nothing, and tells nobody');

    // A promoted co-host may turn them off.
    await host.session.controls.handle(host.participant, { type: 'set-role', participantId: ann.participant.id, role: 'cohost' });
    await ann.session.captions.set(ann.participant.info, false);
    for (const person of [host, ann, bob]) assert.deepEqual(person.connection.last('captions-state')?.captions, off);
    await Promise.all([host, ann, bob].map((p) => p.session.leave(p.participant)));
  });

  test('refused in a room whose captions are off; turned off for everyone when the room stops offering them', async () => {
    const plain = await newRoom({ features: { captions: false } });
    const host = await join(plain, 'Host', { host: true });
    await assert.rejects(host.session.captions.set(host.participant.info, true), parleyErrorWith('captions_unavailable', 'Captions are turned off in this meeting'));
    assert.deepEqual(host.session.captions.state(), off);
    await host.session.leave(host.participant);

    const room = await newRoom();
    const hana = await join(room, 'Hana', { host: true });
    const ivo = await join(room, 'Ivo');
    await hana.session.captions.set(hana.participant.info, true);
    hana.session.roomChanged({ ...room, features: { ...room.features, captions: false } });
    await hana.session.captions.set(hana.participant.info, false);
    for (const person of [hana, ivo]) assert.deepEqual(person.connection.last('captions-state')?.captions, off);
    assert.equal(ivo.connection.of('captions-state').length, 3, 'joined off, turned on, turned off with the room: nothing more');
    await Promise.all([hana, ivo].map((p) => p.session.leave(p.participant)));
  });

  test('a server without a speech recognizer refuses to turn captions on, and says so', async () => {
    const mediaRoom = await suite.media.createRoom({ id: 'captions-without-a-model', description: 'No model', maxPublishers: 10 });
    const told: ServerMessage[] = [];
    const captions = new SessionCaptions(
      { id: 'session', mediaRoom, features: () => ({ recording: true, chat: true, whiteboard: true, localeSwitcher: false, captions: true, screenSharing: true }), displayNameOf: () => 'Ann', broadcast: (message) => told.push(message) },
      {
        speechRecognizer: new PocketsphinxRecognizer({ ffmpeg: suite.services.config.ffmpegBinary, modelDir: '/nonexistent/pocketsphinx-model' }),
        config: suite.services.config,
        clock,
        logger: pino({ level: 'silent' }),
      },
    );
    await assert.rejects(
      captions.set({ id: 'host', role: 'host' }, true),
      parleyErrorWith('speech_recognizer_unavailable', 'Live captions are not available on this server: its speech recognizer is not installed'),
    );
    assert.deepEqual([told, captions.state()], [[], off]);
    await captions.close();
    await mediaRoom.destroy();
  });

  test('the session’s end stops captions, and nobody can turn them on after', async () => {
    const room = await newRoom();
    const host = await join(room, 'Host', { host: true });
    const { session } = host;
    await session.captions.set(host.participant.info, true);
    await session.leave(host.participant);
    assert.equal(session.isEnded, true);
    assert.deepEqual([session.captions.state(), session.captions.processIds()], [off, []]);
    await assert.rejects(session.captions.set(host.participant.info, true), parleyErrorWith('conflict', 'This meeting has ended'));
  });
});
