import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { webinarServices } from '../packages/server/src/api/ringcentral/webinar-api.js';
import { createApplication } from '../packages/server/src/identity/applications.js';
import { UserService } from '../packages/server/src/identity/users.js';
import { WebinarLinks } from '../packages/server/src/webinars/webinar-links.js';
import { launchParticipant, type Participant } from './support/browser.js';
import { withParams } from './support/meeting-room.js';
import { saveScreenshot } from './support/screenshots.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PASSWORD = 'correct horse battery staple';

/**
 * A webinar whose settings the page follows: its audience must sign in (a user of any account), may
 * ask anonymously, and is sent to the webinar's own page when it ends; its panelists keep their
 * cameras off. The server enforces each; these check what people see.
 */
describe('a webinar with settings in browsers', { timeout: 300_000 }, () => {
  let server: TestServer;
  const browsers: Participant[] = [];
  const pages: Record<'host' | 'panelist' | 'ada', Page> = {} as never;
  let attendeeUrl: string;
  let thanksUrl: string;

  before(async () => {
    server = await startTestServer();
    const { services } = server.server;
    const { application } = await createApplication(services, { name: 'Acme webinars' });
    const users = new UserService(services);
    const host = await users.create({ accountId: application.accountId, name: 'Hana Host', email: 'hana@acme.example', password: PASSWORD });
    await users.create({ accountId: application.accountId, name: 'Ada Viewer', email: 'ada@acme.example', password: PASSWORD });
    const domain = webinarServices(services);
    const caller = { userId: host.id, accountId: application.accountId, applicationId: application.id, isAdmin: false };
    thanksUrl = `${server.baseUrl}/thanks-for-watching`;
    const webinar = await domain.webinars.createWebinar(caller, {
      title: 'Quarterly review',
      settings: { attendeeAuthentication: 'AuthenticatedUser', qnaAnonymousEnabled: true, panelistVideoEnabled: false, panelistScreenSharingEnabled: false, postWebinarRedirectUri: thanksUrl },
    });
    const view = await domain.webinars.createSession(caller, webinar.id, { scheduledStartTime: '2030-04-02T16:00:00.000Z', scheduledDuration: 3600, timeZone: 'UTC' });
    const { addedInvitees } = await domain.invitees.bulk(caller, webinar.id, view.session.id, { addedInvitees: [{ role: 'Panelist', firstName: 'Pia', lastName: 'Panel', email: 'pia@panel.example', sendInvite: false }] });
    const webinarLinks = new WebinarLinks({ ...services, publicUrl: server.baseUrl });
    attendeeUrl = await webinarLinks.attendeeJoinUri(view.room);
    const open = async (who: keyof typeof pages, url: string, name: string, prejoin = false) => {
      const participant = await launchParticipant({ viewport: who === 'ada' ? { width: 375, height: 812 } : { width: 1280, height: 800 } });
      browsers.push(participant);
      pages[who] = participant.page;
      await participant.page.goto(withParams(url, { display_name: name, ...(prejoin ? {} : { skip_prejoin: '1' }) }));
    };
    await open('host', await webinarLinks.hostJoinUri(view.room, webinar), 'Hana');
    await open('panelist', await webinarLinks.inviteeJoinUri(view.room, webinar, addedInvitees[0]!), 'Pia');
    await pages.host.waitForSelector('[data-testid="meeting"]', { timeout: 60_000 });
  });

  after(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  it("keeps a panelist's camera off, saying why, and offers no screen share", async () => {
    // She came with her camera on: she joins with it off.
    const camera = await pages.panelist.waitForSelector('[data-testid="toggle-camera"][disabled]', { timeout: 60_000 });
    assert.equal(await camera.getAttribute('aria-pressed'), 'false');
    assert.equal(await camera.getAttribute('title'), "Panelists' cameras are off in this webinar");
    assert.equal(await pages.panelist.$('[data-testid="toggle-screen-share"]'), null);
    await saveScreenshot(pages.panelist, 'webinar-settings-panelist-camera-off');
  });

  it('asks the audience to sign in, then lets a user in', async () => {
    const ada = await launchParticipant({ viewport: { width: 375, height: 812 } });
    browsers.push(ada);
    pages.ada = ada.page;
    await pages.ada.goto(withParams(attendeeUrl, { display_name: 'Ada' }));
    await pages.ada.click('[data-testid="join-button"]', { timeout: 60_000 });
    await pages.ada.waitForSelector('[data-testid="sign-in-fields"]', { timeout: 30_000 });
    await pages.ada.fill('[data-testid="sign-in-email"]', 'ada@acme.example');
    await pages.ada.fill('[data-testid="sign-in-password"]', 'not my password');
    await pages.ada.click('[data-testid="join-button"]');
    await pages.ada.waitForSelector('[data-testid="sign-in-error"]:has-text("don\'t match")', { timeout: 30_000 });
    await saveScreenshot(pages.ada, 'webinar-settings-sign-in-375');
    await pages.ada.fill('[data-testid="sign-in-password"]', PASSWORD);
    await pages.ada.click('[data-testid="join-button"]');
    await pages.ada.waitForSelector('[data-testid="audience-view"]', { timeout: 30_000 });
  });

  it('lets the audience ask anonymously: nobody sees who asked', async () => {
    await pages.ada.click('[data-testid="qa-button"]');
    await pages.ada.check('[data-testid="qa-anonymous"]');
    await pages.ada.fill('[data-testid="qa-ask-input"]', 'Will the roadmap be shared?');
    await pages.ada.click('[data-testid="qa-ask-send"]');
    await pages.host.click('[data-testid="qa-button"]');
    const asker = await pages.host.waitForSelector('[data-testid="qa-question"] [data-testid="qa-asker"]', { timeout: 30_000 });
    assert.equal(await asker.textContent(), 'Anonymous attendee');
    await saveScreenshot(pages.host, 'webinar-settings-anonymous-question');
  });

  it("sends the audience to the webinar's own page when it ends", async () => {
    await pages.host.click('[data-testid="runtime-goLive"]');
    await pages.host.click('[data-testid="runtime-endForAttendees"]');
    await pages.host.click('[data-testid="confirm-action"]');
    await pages.ada.waitForURL(thanksUrl, { timeout: 30_000 });
  });
});
