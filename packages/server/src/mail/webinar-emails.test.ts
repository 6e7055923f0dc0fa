import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { CONFIG, REGISTRATION, createSession, createWebinar } from '../api/ringcentral/test-support/webinar-fixtures.js';
import { startRingCentralHarness, type RingCentralHarness } from '../api/ringcentral/test-support/ringcentral-harness.js';
import type { SessionResource } from '../api/ringcentral/webinar-json.js';
import { EmailOutboxRepository } from '../store/email-outbox-repository.js';
import { EmailWorker } from './email-worker.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps every message, and refuses them while `failing`. */
async function startSmtp(): Promise<{ port: number; messages: Received[]; failing: { on: boolean }; close(): Promise<void> }> {
  const messages: Received[] = [];
  const failing = { on: false };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    // The credentials of the SMTP URL, or nothing.
    onAuth(auth, _session, callback) {
      if (auth.username === 'parley' && auth.password === 'secret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failing.on) return callback(Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 451 }));
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, messages, failing, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The message with quoted-printable and base64 parts decoded: what a mail client would show, in one text. */
function decoded(raw: string): string {
  const parts = raw.split(/\r?\n--/);
  return parts
    .map((part) => {
      const [head = '', ...bodyLines] = part.split(/\r?\n\r?\n/);
      const body = bodyLines.join('\n\n');
      if (/content-transfer-encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString()}`;
      if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
        const text = body.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (seq) => Buffer.from(seq.split('=').slice(1).map((h) => parseInt(h, 16))).toString());
        return `${head}\n\n${text}`;
      }
      return part;
    })
    .join('\n--');
}

describe('webinar emails over SMTP', { timeout: 120_000 }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: RingCentralHarness;
  let host: string;
  let worker: EmailWorker;

  before(async () => {
    smtp = await startSmtp();
    h = await startRingCentralHarness({ config: { smtpUrl: `smtp://parley:secret@127.0.0.1:${smtp.port}?ignoreTLS=true`, mailFrom: 'Acme Webinars <webinars@acme.example>' } });
    host = await h.login(h.acme, h.acme.member);
    worker = new EmailWorker(
      { emailOutbox: new EmailOutboxRepository(h.services.store.db), clock: h.clock, logger: pino({ level: 'silent' }) },
      { smtpUrl: h.services.config.smtpUrl, from: h.services.config.mailFrom, pollIntervalMs: 60_000, random: () => 0 },
    );
  });
  after(async () => {
    await worker?.stop();
    await h?.close();
    await smtp?.close();
  });

  const newSession = async (registrationSettings?: Record<string, unknown>): Promise<SessionResource> => {
    const webinar = await createWebinar(h, host, { title: 'Launch', settings: { registrationEnabled: true } });
    const session = await createSession(h, host, webinar.id, { scheduledStartTime: '2026-02-10T14:00:00.000Z', scheduledDuration: 3600, timeZone: 'Europe/Paris' });
    if (registrationSettings) assert.equal((await h.call('PATCH', `${REGISTRATION}/sessions/${session.id}`, host, { settings: registrationSettings })).statusCode, 200);
    return { ...session, webinarId: webinar.id } as SessionResource & { webinarId: string };
  };

  test("a registrant's confirmation: the session in its time zone, their own links, an invitation for their calendar", async () => {
    const session = await newSession();
    const response = await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Luke', lastName: 'Audience', email: 'luke@audience.example' });
    assert.equal(response.statusCode, 201, response.body);
    const registrant = response.json() as { joinUri: string; cancellationUri: string; icalendarSequence: number };
    const before = smtp.messages.length;
    await worker.sendDue();
    const [message] = smtp.messages.slice(before);
    assert.ok(message, 'the confirmation arrived');
    assert.deepEqual(message.to, ['luke@audience.example']);
    assert.equal(message.from, 'webinars@acme.example');
    const text = decoded(message.raw);
    assert.match(text, /Subject: You're registered: Launch/);
    assert.match(text, /Tuesday, February 10, 2026 at 3:00\s?PM GMT\+1 \(Europe\/Paris\), 60 minutes/);
    assert.ok(text.includes(registrant.joinUri), 'the personal join link');
    assert.ok(text.includes(registrant.cancellationUri), 'the cancellation link');
    assert.match(text, /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    assert.match(text, /filename=invite\.ics/);
    assert.match(text, new RegExp(`SEQUENCE:${registrant.icalendarSequence}\\r?\\n`));
    assert.match(text, /DTSTART:20260210T140000Z/);
    // iCalendar folds long lines; a calendar unfolds them.
    assert.match(text.replace(/\r?\n /g, ''), /ATTENDEE;CN="Luke Audience".*mailto:luke@audience\.example/);
  });

  test("a registration that suppresses emails sends none", async () => {
    const session = await newSession({ suppressEmails: true });
    const before = smtp.messages.length;
    await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Leia', lastName: 'Audience', email: 'leia@audience.example' });
    await worker.sendDue();
    assert.equal(smtp.messages.length, before);
  });

  test('invitees are invited when sendInvite, cancelled when removed or their session deleted; hasUnsentInvites tells the truth', async () => {
    const session = (await newSession()) as SessionResource & { webinarId: string };
    const sessionUrl = `${CONFIG}/webinars/${session.webinarId}/sessions/${session.id}`;
    const hasUnsent = async () => ((await h.call('GET', sessionUrl, host)).json() as { hasUnsentInvites: boolean }).hasUnsentInvites;
    assert.equal(await hasUnsent(), false, 'only the host: nothing to send');
    const added = await h.call('PATCH', `${sessionUrl}/invitees`, host, {
      addedInvitees: [
        { role: 'Panelist', firstName: 'Pia', lastName: 'Panel', email: 'pia@panel.example' },
        { role: 'CoHost', firstName: 'Cole', lastName: 'Panel', email: 'cole@panel.example', sendInvite: false },
      ],
    });
    assert.equal(added.statusCode, 200, added.body);
    const [pia, cole] = (added.json() as { addedInvitees: { id: string; joinUri: string }[] }).addedInvitees;
    assert.equal(await hasUnsent(), true, 'queued, not sent yet');
    const before = smtp.messages.length;
    await worker.sendDue();
    const invitations = smtp.messages.slice(before);
    assert.deepEqual(invitations.map((m) => m.to), [['pia@panel.example']], 'Cole asked for no invitation');
    const invitation = decoded(invitations[0]?.raw ?? '');
    assert.match(invitation, /Subject: Invitation: Launch/);
    assert.ok(invitation.includes(pia?.joinUri ?? 'missing'), "Pia's personal link");
    assert.match(invitation, /METHOD:REQUEST/);
    assert.equal(await hasUnsent(), true, "Cole's invitation is the host's to send");

    // Cole is now to be sent one: it goes, and nothing is left unsent.
    assert.equal((await h.call('PUT', `${sessionUrl}/invitees/${cole?.id}`, host, { role: 'CoHost', sendInvite: true })).statusCode, 200);
    await worker.sendDue();
    assert.deepEqual(smtp.messages.at(-1)?.to, ['cole@panel.example']);
    assert.equal(await hasUnsent(), false);

    // Pia is removed: she is told; deleting the session tells Cole.
    assert.equal((await h.call('DELETE', `${sessionUrl}/invitees/${pia?.id}`, host)).statusCode, 204);
    await worker.sendDue();
    const removal = smtp.messages.at(-1);
    assert.deepEqual(removal?.to, ['pia@panel.example']);
    assert.match(decoded(removal?.raw ?? ''), /Subject: Cancelled: Launch[\s\S]*METHOD:CANCEL/);
    assert.equal((await h.call('DELETE', sessionUrl, host)).statusCode, 204);
    await worker.sendDue();
    assert.deepEqual(smtp.messages.at(-1)?.to, ['cole@panel.example']);
    assert.match(decoded(smtp.messages.at(-1)?.raw ?? ''), /Cancelled: Launch/);
  });

  test('a failing SMTP server gets retries with backoff, and the email goes once it takes it', async () => {
    const session = await newSession();
    smtp.failing.on = true;
    await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Han', lastName: 'Audience', email: 'han@audience.example' });
    const before = smtp.messages.length;
    await worker.sendDue();
    const [row] = await h.services.store.db.selectFrom('email_outbox').selectAll().where('to_address', '=', 'han@audience.example').execute();
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 1);
    assert.match(row?.last_error ?? '', /Mailbox unavailable/);
    // Not due before its backoff is over.
    await worker.sendDue();
    assert.equal((await h.services.store.db.selectFrom('email_outbox').select('attempts').where('id', '=', row?.id ?? '').executeTakeFirst())?.attempts, 1);
    smtp.failing.on = false;
    h.clock.advance(60_000);
    await worker.sendDue();
    assert.deepEqual(smtp.messages.slice(before).map((m) => m.to), [['han@audience.example']]);
  });

  test('workers on several nodes claim each email once', async () => {
    const session = await newSession();
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: name, lastName: 'Audience', email: `${name}@many.example` });
    }
    const other = new EmailWorker(
      { emailOutbox: new EmailOutboxRepository(h.services.store.db), clock: h.clock, logger: pino({ level: 'silent' }) },
      { smtpUrl: h.services.config.smtpUrl, from: h.services.config.mailFrom, pollIntervalMs: 60_000 },
    );
    const before = smtp.messages.length;
    await Promise.all([worker.sendDue(), other.sendDue(), worker.sendDue()]);
    await other.stop();
    const sent = smtp.messages.slice(before).flatMap((m) => m.to).sort();
    assert.deepEqual(sent, ['a@many.example', 'b@many.example', 'c@many.example', 'd@many.example', 'e@many.example']);
  });
});

describe('without PARLEY_SMTP_URL', () => {
  test('no email is queued, and invitations count as unsent', async () => {
    const h = await startRingCentralHarness();
    try {
      const host = await h.login(h.acme, h.acme.member);
      const webinar = await createWebinar(h, host, { title: 'Quiet', settings: { registrationEnabled: true } });
      const session = await createSession(h, host, webinar.id);
      await h.call('POST', `${REGISTRATION}/sessions/${session.id}/registrants`, host, { firstName: 'Luke', lastName: 'Audience', email: 'luke@audience.example' });
      const sessionUrl = `${CONFIG}/webinars/${webinar.id}/sessions/${session.id}`;
      await h.call('PATCH', `${sessionUrl}/invitees`, host, { addedInvitees: [{ role: 'Panelist', firstName: 'Pia', lastName: 'Panel', email: 'pia@panel.example' }] });
      assert.deepEqual(await h.services.store.db.selectFrom('email_outbox').selectAll().execute(), []);
      assert.equal(((await h.call('GET', sessionUrl, host)).json() as { hasUnsentInvites: boolean }).hasUnsentInvites, true);
    } finally {
      await h.close();
    }
  });
});
