import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import RingCentral from '@rc-ex/core';
import { SDK } from '@ringcentral/sdk';
import type { ParticipantExtendedModel } from '../packages/server/src/api/ringcentral/webinar-history-json.js';
import type { RegistrantModel, RegSessionModel, SessionResource, WebinarResource } from '../packages/server/src/api/ringcentral/webinar-json.js';
import { createApplication } from '../packages/server/src/identity/applications.js';
import { UserService } from '../packages/server/src/identity/users.js';
import { launchParticipant, type Participant } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

/** How long a page may take: the machine may be busy with other work. */
const PATIENCE_MS = 60_000;

/**
 * The hosted registration page in Chromium: a host makes a webinar session with `@ringcentral/sdk`
 * and asks two questions; a person opens the session's `registrationPageUri`, fills the form with the
 * keyboard and mouse, gets their personal join link and cancellation link, and cancels (the link's
 * page asks first). The host's API sees the registrant come and go.
 */
describe('webinar registration in the browser', { timeout: 300_000 }, () => {
  let server: TestServer;
  let person: Participant;
  let platform: ReturnType<SDK['platform']>;
  /** The same host, logged in with the other official SDK. */
  let rc: RingCentral;

  before(async () => {
    server = await startTestServer();
    const { services } = server.server;
    const { application, clientCredentials } = await createApplication(services, { name: 'Acme webinars' });
    const host = await new UserService(services).create({ accountId: application.accountId, name: 'Hana Host', email: 'hana@acme.example' });
    platform = new SDK({ server: server.baseUrl, clientId: clientCredentials.clientId, clientSecret: clientCredentials.clientSecret }).platform();
    await platform.login({ jwt: (await services.userJwtCredentials.issue(host.id)).jwt });
    rc = new RingCentral({ server: server.baseUrl, clientId: clientCredentials.clientId, clientSecret: clientCredentials.clientSecret });
    await rc.authorize({ jwt: (await services.userJwtCredentials.issue(host.id)).jwt });
    person = await launchParticipant({ viewport: { width: 375, height: 812 } });
    person.page.setDefaultTimeout(PATIENCE_MS);
  });

  after(async () => {
    await person?.close();
    await platform?.logout().catch(() => undefined);
    await rc?.revoke().catch(() => undefined);
    await server?.close();
  });

  it('registers through the form, shows the personal links, and cancels on the confirm button', async () => {
    const webinar = (await (await platform.post('/webinar/configuration/v1/webinars', { title: 'Product launch', description: 'Everything new this spring', settings: { registrationEnabled: true } })).json()) as WebinarResource;
    const session = (await (await platform.post(`/webinar/configuration/v1/webinars/${webinar.id}/sessions`, { scheduledStartTime: '2030-04-02T16:00:00.000Z', scheduledDuration: 3600, timeZone: 'America/New_York' })).json()) as SessionResource;
    const registration = `/webinar/registration/v1/sessions/${session.id}`;
    const settings = (await (
      await platform.send({
        method: 'PATCH',
        url: registration,
        body: {
          questions: [
            { questionId: 'company', questionText: 'Company', type: 'Text', required: true },
            { questionId: 'role', questionText: 'Your role', type: 'SingleChoice', required: true, answers: [{ answerId: 'dev', answerText: 'Developer' }, { answerId: 'pm', answerText: 'Product manager' }] },
          ],
        },
      })
    ).json()) as RegSessionModel;

    const { page } = person;
    await page.goto(settings.registrationPageUri);
    await page.getByRole('heading', { name: 'Product launch' }).waitFor();
    await saveScreenshot(page, 'webinar-registration-form');
    // The keyboard reaches every field in order.
    await page.getByLabel('First name').fill('Ada');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Company').fill('Analytical Engines');
    await page.getByRole('radio', { name: 'Developer' }).check();
    await page.getByRole('button', { name: 'Register' }).click();

    await page.getByRole('status').filter({ hasText: 'You are registered, Ada.' }).waitFor();
    await saveScreenshot(page, 'webinar-registration-done');
    const joinUri = await page.getByRole('link', { name: 'Join the webinar' }).getAttribute('href');
    const [registrant] = ((await (await platform.get(`${registration}/registrants`, { includeQuestionnaire: true })).json()) as { records: { joinUri: string; email: string; questionnaire: unknown }[] }).records;
    assert.deepEqual([registrant?.email, registrant?.questionnaire], ['ada@example.com', [{ questionId: 'company', answerText: 'Analytical Engines' }, { questionId: 'role', answerIds: ['dev'] }]]);
    assert.equal(new URL(joinUri ?? '').searchParams.get('room_token'), new URL(session.attendeeJoinUri).pathname.slice(1), 'the join link opens the session\'s room');
    assert.ok(new URL(joinUri ?? '').searchParams.get('participant_token'), 'with a token of the registrant\'s own');

    await page.getByRole('link', { name: 'Cancel registration' }).click();
    await page.getByRole('heading', { name: 'Cancel your registration?' }).waitFor();
    assert.equal(((await (await platform.get(`${registration}/registrants`)).json()) as { records: unknown[] }).records.length, 1, 'opening the cancellation link cancels nothing');
    await saveScreenshot(page, 'webinar-registration-cancel');
    await page.getByRole('button', { name: 'Cancel my registration' }).click();
    await page.getByRole('status').filter({ hasText: 'Your registration is cancelled.' }).waitFor();
    assert.equal(((await (await platform.get(`${registration}/registrants`)).json()) as { records: unknown[] }).records.length, 0);
    await saveScreenshot(page, 'webinar-registration-cancelled');
  });

  it("a registrant's join link takes them into the session's room, and the attendance report knows them", async () => {
    const webinar = (await (await platform.post('/webinar/configuration/v1/webinars', { title: 'Attendance', settings: { registrationEnabled: true } })).json()) as WebinarResource;
    const session = (await (await platform.post(`/webinar/configuration/v1/webinars/${webinar.id}/sessions`, { scheduledStartTime: '2030-04-02T16:00:00.000Z', scheduledDuration: 3600, timeZone: 'UTC' })).json()) as SessionResource;
    const registrant = (await (await platform.post(`/webinar/registration/v1/sessions/${session.id}/registrants`, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' })).json()) as RegistrantModel;
    const { page } = person;
    const joinUrl = new URL(registrant.joinUri);
    joinUrl.searchParams.set('display_name', 'Grace Hopper');
    joinUrl.searchParams.set('skip_prejoin', '1');
    await page.goto(joinUrl.toString());
    // In the audience: the session is in practice until a host goes live, so they wait on its screen.
    await page.waitForSelector('[data-testid="audience-screen"][data-status="Practice"]').catch(async (error: Error) => {
      throw new Error(`Grace never reached the webinar; the page shows: ${await page.innerText('body').catch(() => '?')}`, { cause: error });
    });
    const participants = `/webinar/history/v1/webinars/${webinar.id}/sessions/${session.id}/participants`;
    const report = async () => ((await (await platform.get(participants)).json()) as { records: ParticipantExtendedModel[] }).records;
    await waitUntil(async () => ((await report()).length === 1 ? undefined : 'Grace is not in the attendance report yet'), PATIENCE_MS);
    await page.goto('about:blank');
    await waitUntil(async () => ((await report())[0]?.leaveTime ? undefined : 'Grace has not left yet'), PATIENCE_MS);
    const [grace] = await report();
    assert.deepEqual([grace?.firstName, grace?.lastName, grace?.role, grace?.originalRole, grace?.registrantId, grace?.email], ['Grace', 'Hopper', 'Attendee', 'Attendee', registrant.id, 'grace@example.com']);
    assert.ok(Date.parse(grace?.leaveTime ?? '') >= Date.parse(grace?.joinTime ?? ''));
    const attended = (await (await platform.get(`/webinar/registration/v1/sessions/${session.id}/registrants/${registrant.id}`)).json()) as RegistrantModel;
    assert.equal(attended.participantId, grace?.id, 'the registrant attended');
  });
  it('a real session with a Chromium panelist and a Chromium attendee: both official SDKs read who took part', async () => {
    const config = rc.webinar().configuration().v1();
    const webinar = await config.webinars().post({ title: 'Panel and audience', settings: { registrationEnabled: true } });
    const session = await config.webinars(webinar.id!).sessions().post({ scheduledStartTime: '2030-04-03T16:00:00.000Z', scheduledDuration: 3600, timeZone: 'UTC' });
    const bulk = await config.webinars(webinar.id!).sessions(session.id!).invitees().patch({ addedInvitees: [{ role: 'Panelist', firstName: 'Pia', lastName: 'Panel', email: 'pia@example.com', sendInvite: false }] });
    const pia = bulk.addedInvitees?.[0];
    const registrant = await rc.webinar().registration().v1().sessions(session.id!).registrants().post({ firstName: 'Ada', lastName: 'Audience', email: 'ada@example.com' });
    assert.ok(pia?.joinUri && registrant.joinUri);

    const panelist = await launchParticipant();
    try {
      panelist.page.setDefaultTimeout(PATIENCE_MS);
      const withName = (uri: string, name: string) => {
        const url = new URL(uri);
        url.searchParams.set('display_name', name);
        url.searchParams.set('skip_prejoin', '1');
        return url.toString();
      };
      await panelist.page.goto(withName(pia.joinUri, 'Pia Panel'));
      await panelist.page.waitForSelector('[data-testid="meeting"]');
      await person.page.goto(withName(registrant.joinUri, 'Ada Audience'));
      await person.page.waitForSelector('[data-testid="audience-screen"]');
      // The panelist's page counts the audience: the attendee is in.
      await panelist.page.waitForSelector('[data-testid="attendee-count"][data-count="1"]');
      await Promise.all([panelist.page.goto('about:blank'), person.page.goto('about:blank')]);
    } finally {
      await panelist.close();
    }

    const participants = rc.webinar().history().v1().webinars(webinar.id!).sessions(session.id!).participants();
    let byRole: Record<string, { leaveTime?: string; registrantId?: string; email?: string } | undefined> = {};
    await waitUntil(async () => {
      const { records = [] } = await participants.get();
      byRole = Object.fromEntries(records.map((p) => [p.role, p]));
      return byRole.Panelist?.leaveTime && byRole.Attendee?.leaveTime ? undefined : `who took part, as rc-ex reads it: ${JSON.stringify(records)}`;
    }, PATIENCE_MS);
    assert.deepEqual([byRole.Panelist?.email, byRole.Attendee?.registrantId], ['pia@example.com', registrant.id]);
    // The other SDK reads the same report.
    const viaSdk = (await (await platform.get(`/webinar/history/v1/webinars/${webinar.id}/sessions/${session.id}/participants`)).json()) as { records: ParticipantExtendedModel[] };
    assert.deepEqual(viaSdk.records.map((p) => p.role).sort(), ['Attendee', 'Panelist']);
  });
});

