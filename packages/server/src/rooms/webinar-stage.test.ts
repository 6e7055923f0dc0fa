import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JoinRequest, ParticipantRole, ServerMessage } from '@parley/protocol';
import { ParleyError } from '../errors.js';
import { liveRoomsForSuite } from './test-support/live-rooms-for-suite.js';
import { RecordedConnection, settled } from './test-support/recorded-connection.js';
import type { LiveParticipant } from './live-participant.js';
import type { LiveSession } from './live-session.js';
import type { Room } from './room.js';
import { ATTENDEE_COUNT_INTERVAL_MS } from './webinar-stage.js';

/** A webinar room's stage and audience, runtime status and Q&A, over a real Janus and database. */
describe('webinar sessions', { timeout: 300_000 }, () => {
  const suite = liveRoomsForSuite('webinar', { rtpPorts: { min: 47000, max: 47999 }, clockRunsTimers: true });

  interface Person {
    session: LiveSession;
    participant: LiveParticipant;
    connection: RecordedConnection;
  }

  const newWebinar = (): Promise<Room> =>
    suite.rooms.create(suite.applicationId, { displayName: 'Quarterly update', kind: 'webinar', type: 'long_term', expiresAt: new Date(suite.clock.now().getTime() + 86_400_000) });

  /** Someone joining: with a participant token of `role`, or (no role) through the public link. */
  async function join(room: Room, displayName: string, role?: ParticipantRole): Promise<Person> {
    const connection = new RecordedConnection();
    const request: JoinRequest = {
      type: 'join',
      meetingCode: room.meetingCode,
      displayName,
      audioMuted: true,
      videoMuted: true,
      ...(role ? { participantToken: suite.services.participantTokens.mint({ participantId: `${role}-${displayName}`, roomId: room.id, role }) } : {}),
    };
    const { session, participant } = await suite.liveRooms.join(request, connection);
    return { session, participant, connection };
  }

  /** What `person` asks of the webinar, carried out or refused with a `ParleyError`. */
  const act = (person: Person, request: Parameters<LiveSession['handleWebinar']>[1]): Promise<void> => person.session.handleWebinar(person.participant, request);

  async function refused(work: Promise<unknown>, code: ParleyError['code']): Promise<void> {
    await assert.rejects(work, (error: unknown) => error instanceof ParleyError && error.code === code);
  }

  /** A real offer's shape: one microphone and one camera line, both sending. */
  const offer = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:0', 'a=sendonly', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:1', 'a=sendonly', ''].join('\r\n');

  test('the public link brings people into the audience: they never publish, and see only the stage', async () => {
    const room = await newWebinar();
    const host = await join(room, 'Hana', 'host');
    const panelist = await join(room, 'Pia', 'panelist');
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob', 'attendee');
    assert.equal(ann.participant.info.role, 'attendee');
    assert.equal(bob.participant.info.role, 'attendee');

    // Attendees see the stage, not each other; the stage sees everyone.
    assert.deepEqual(bob.connection.joined().participants.map((p) => p.displayName).sort(), ['Hana', 'Pia']);
    assert.deepEqual(ann.connection.of('participant-joined'), []);
    assert.deepEqual(host.connection.of('participant-joined').map((m) => m.participant.displayName), ['Pia', 'Ann', 'Bob']);
    assert.equal(bob.connection.one('webinar-state').runtimeStatus, 'Practice');

    // Whatever an attendee's page sends, nothing is published and nothing changes.
    await refused(ann.session.publish(ann.participant, { sdp: offer }), 'forbidden');
    assert.throws(() => ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: true }), (e: unknown) => e instanceof ParleyError && e.code === 'forbidden');
    assert.equal(ann.participant.info.audioMuted, true);
    await refused(ann.session.controls.handle(ann.participant, { type: 'set-role', participantId: ann.participant.id, role: 'panelist' }), 'forbidden');

    // Their hands and chat reach the stage only.
    await ann.session.controls.handle(ann.participant, { type: 'raise-hand' });
    await ann.session.sendChat(ann.participant, 'Hello panel');
    assert.equal(host.connection.of('hand-raised').length, 1);
    assert.equal(panelist.connection.of('chat-message').length, 1);
    assert.deepEqual(bob.connection.of('hand-raised'), []);
    assert.deepEqual(bob.connection.of('chat-message'), []);
    await host.session.sendChat(host.participant, 'Welcome, everyone');
    assert.equal(bob.connection.of('chat-message').length, 1);

    // The count reaches everyone once the interval is over.
    suite.clock.advance(ATTENDEE_COUNT_INTERVAL_MS);
    assert.equal(bob.connection.last('attendee-count')?.count, 2);
    assert.equal(host.connection.last('attendee-count')?.count, 2);
    for (const person of [host, panelist, ann, bob]) await person.session.leave(person.participant);
  });

  test('a host brings an attendee on stage and back; meeting roles are refused', async () => {
    const room = await newWebinar();
    const host = await join(room, 'Hana', 'host');
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');
    const promote = (role: 'panelist' | 'attendee' | 'guest') => host.session.controls.handle(host.participant, { type: 'set-role', participantId: ann.participant.id, role });

    await refused(promote('guest'), 'validation_failed');
    await promote('panelist');
    assert.equal(ann.participant.info.role, 'panelist');
    // The audience sees the new panelist; the new panelist sees the stage's view.
    assert.equal(bob.connection.last('participant-updated')?.participant.role, 'panelist');
    assert.equal(ann.connection.last('webinar-state')?.runtimeStatus, 'Practice');
    ann.session.updateMediaState(ann.participant, { audioMuted: false, videoMuted: true });

    await promote('attendee');
    assert.equal(ann.participant.info.role, 'attendee');
    assert.equal(ann.participant.info.audioMuted, true);
    assert.equal(bob.connection.last('participant-updated')?.participant.role, 'attendee');
    await refused(ann.session.publish(ann.participant, { sdp: offer }), 'forbidden');
    for (const person of [host, ann, bob]) await person.session.leave(person.participant);
  });

  test('the host takes the webinar live, on a break and to its end for the audience; it is stored and announced', async () => {
    const room = await newWebinar();
    const host = await join(room, 'Hana', 'host');
    const panelist = await join(room, 'Pia', 'panelist');
    const ann = await join(room, 'Ann');
    const stored = () => suite.services.webinarStage.runtimeStatus(host.session.id);
    assert.equal(await stored(), 'Practice');

    await refused(act(ann, { type: 'set-runtime-status', status: 'Live' }), 'forbidden');
    await refused(act(panelist, { type: 'set-runtime-status', status: 'Live' }), 'forbidden');
    await refused(act(host, { type: 'set-runtime-status', status: 'Break' }), 'conflict');
    assert.equal(await stored(), 'Practice');

    await act(host, { type: 'set-runtime-status', status: 'Live' });
    assert.equal(ann.connection.last('webinar-status')?.runtimeStatus, 'Live');
    assert.equal(await stored(), 'Live');
    await act(host, { type: 'set-runtime-status', status: 'Break' });
    // A late joiner knows where the webinar stands.
    const late = await join(room, 'Lea');
    assert.equal(late.connection.one('webinar-state').runtimeStatus, 'Break');
    await act(host, { type: 'set-runtime-status', status: 'Live' });
    await act(host, { type: 'set-runtime-status', status: 'Debrief' });

    // The audience is let go and kept out; the panel stays.
    for (const attendee of [ann, late]) {
      assert.deepEqual(attendee.connection.last('room-closed'), { type: 'room-closed', reason: 'webinar_ended' });
      assert.equal(attendee.connection.closed, true);
    }
    await assert.rejects(join(room, 'Max'), (e: unknown) => e instanceof ParleyError && e.code === 'room_unavailable' && e.message === 'The webinar has ended');
    assert.equal(host.session.isEnded, false);
    assert.deepEqual(host.session.participantList().map((p) => p.displayName).sort(), ['Hana', 'Pia']);
    assert.equal(await stored(), 'Debrief');
    await suite.liveRooms.endMeeting(host.session, host.participant);
  });

  test('Q&A: attendees ask, the panel answers or dismisses, and the audience sees the answers', async () => {
    const room = await newWebinar();
    const host = await join(room, 'Hana', 'host');
    const panelist = await join(room, 'Pia', 'panelist');
    const ann = await join(room, 'Ann');
    const bob = await join(room, 'Bob');

    await act(ann, { type: 'ask-question', text: '  <b>When</b> does the beta open?  ' });
    await act(ann, { type: 'ask-question', text: 'Is it free?' });
    const [first, second] = panelist.connection.of('question').map((m) => m.question);
    assert.ok(first && second);
    assert.equal(first.text, '<b>When</b> does the beta open?', 'kept as plain text, trimmed');
    assert.equal(ann.connection.of('question').length, 2);
    assert.deepEqual(bob.connection.of('question'), [], 'open questions stay between the asker and the panel');

    await refused(act(panelist, { type: 'ask-question', text: 'Me too?' }), 'forbidden');
    await refused(act(bob, { type: 'ask-question', text: 'x'.repeat(501) }), 'validation_failed');
    await refused(act(bob, { type: 'answer-question', questionId: first.id, text: 'Tomorrow' }), 'forbidden');
    await act(bob, { type: 'ask-question', text: 'One' });
    await act(bob, { type: 'ask-question', text: 'Two' });
    await act(bob, { type: 'ask-question', text: 'Three' });
    await refused(act(bob, { type: 'ask-question', text: 'Four' }), 'rate_limited');

    await act(panelist, { type: 'answer-question', questionId: first.id, text: 'Next Monday' });
    await act(host, { type: 'dismiss-question', questionId: second.id });
    await refused(act(host, { type: 'dismiss-question', questionId: first.id }), 'conflict');
    const answered = bob.connection.last('question')?.question;
    assert.equal(answered?.status, 'answered');
    assert.deepEqual(answered?.answer?.by, { id: panelist.participant.id, displayName: 'Pia' });
    assert.equal(ann.connection.last('question')?.question.status, 'dismissed');

    // A late attendee sees the answered questions only; the stage sees them all; all are stored.
    const late = await join(room, 'Lea');
    assert.deepEqual(late.connection.one('webinar-state').questions.map((q) => q.answer?.text), ['Next Monday']);
    assert.equal(host.connection.of('question').length, 7);
    const stored = await suite.services.webinarStage.questions(host.session.id);
    const statusOf = new Map(stored.map((q) => [q.text, q.status]));
    assert.deepEqual(Object.fromEntries(statusOf), { '<b>When</b> does the beta open?': 'answered', 'Is it free?': 'dismissed', One: 'open', Two: 'open', Three: 'open' });
    assert.equal(stored.find((q) => q.id === first.id)?.answer?.text, 'Next Monday');
    await suite.liveRooms.endMeeting(host.session, host.participant);
    await settled();
  });

  test('a meeting is no webinar: no attendees, no runtime status, no Q&A, no webinar roles', async () => {
    const room = await suite.rooms.create(suite.applicationId, { displayName: 'Standup', type: 'long_term', expiresAt: new Date(suite.clock.now().getTime() + 86_400_000) });
    const host = await join(room, 'Hana', 'host');
    const guest = await join(room, 'Gus');
    assert.equal(guest.participant.info.role, 'guest');
    assert.deepEqual(guest.connection.of('webinar-state'), []);
    await refused(act(host, { type: 'set-runtime-status', status: 'Live' }), 'bad_request');
    await refused(act(guest, { type: 'ask-question', text: 'Why?' }), 'bad_request');
    await refused(host.session.controls.handle(host.participant, { type: 'set-role', participantId: guest.participant.id, role: 'panelist' }), 'validation_failed');
    await suite.liveRooms.endMeeting(host.session, host.participant);
  });

  test('holds hundreds of attendees, none of whom hears of another', async () => {
    const ATTENDEES = 300;
    const room = await newWebinar();
    const host = await join(room, 'Hana', 'host');
    const audience: Person[] = [];
    for (let i = 0; i < ATTENDEES; i++) audience.push(await join(room, `Attendee ${i}`));
    suite.clock.advance(ATTENDEE_COUNT_INTERVAL_MS);
    await act(host, { type: 'set-runtime-status', status: 'Live' });
    for (const attendee of audience.slice(0, 50)) await attendee.session.leave(attendee.participant);
    suite.clock.advance(ATTENDEE_COUNT_INTERVAL_MS);

    const aboutAttendees = (m: ServerMessage) => ['participant-joined', 'participant-left', 'participant-updated'].includes(m.type);
    for (const attendee of audience) assert.deepEqual(attendee.connection.received.filter(aboutAttendees), []);
    // What reaches an attendee does not grow with the audience: its own welcome, the status, and the counts.
    const mostReceived = Math.max(...audience.map((a) => a.connection.received.length));
    assert.ok(mostReceived <= 8, `an attendee received ${mostReceived} messages`);
    assert.equal(host.connection.of('participant-joined').length, ATTENDEES);
    assert.equal(host.connection.of('participant-left').length, 50);
    assert.equal(audience.at(-1)?.connection.last('attendee-count')?.count, ATTENDEES - 50);
    await suite.liveRooms.endMeeting(host.session, host.participant);
  });
});
