/**
 * `npm run bench:join`: how fast a person gets into a meeting. One participant is already in the room
 * publishing; then BENCH_JOINS (default 10) people join one after another through the guest URL, each
 * in a fresh page, and leave. Prints p50 and p95 of page load → joined and joined → first remote video
 * frame. Runs inside its own network namespace (scripts/netns-exec.sh).
 */
import os from 'node:os';
import { launchParticipant } from '../e2e/support/browser.js';
import { startTestServer } from '../e2e/support/test-server.js';
import { percentile } from './load/percentile.js';

const joins = Number(process.env.BENCH_JOINS ?? 10);

// Runs in the page before its scripts: stamps when the meeting screen appears and when the first
// remote video frame is presented, on the page's own clock (0 = navigation start).
const MARKS_SCRIPT = `(() => {
  const marks = {};
  window.__parleyBenchMarks = marks;
  const watchVideo = (video) => {
    if (video.__parleyWatched) return;
    video.__parleyWatched = true;
    const onFrame = () => { marks.firstRemoteFrame ??= performance.now(); };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onFrame);
    else video.addEventListener('loadeddata', onFrame, { once: true });
  };
  new MutationObserver(() => {
    if (marks.joined === undefined && document.querySelector('[data-testid="meeting"]')) marks.joined = performance.now();
    for (const video of document.querySelectorAll('[data-testid="tile"]:not([data-self="true"]) video')) watchVideo(video);
  }).observe(document, { childList: true, subtree: true });
})();`;

async function main(): Promise<void> {
  const server = await startTestServer();
  const created = await server.api('POST', '/v1/meetings/rooms', { display_name: 'Join benchmark' });
  const room = created.body as { _links: { host_url: { href: string }; guest_url: { href: string } } };
  const host = await launchParticipant();
  const hostUrl = new URL(room._links.host_url.href);
  hostUrl.searchParams.set('display_name', 'Host');
  hostUrl.searchParams.set('skip_prejoin', '1');
  await host.page.goto(hostUrl.toString());
  await host.page.waitForSelector('[data-testid="meeting"]');

  const guest = await launchParticipant();
  await guest.context.addInitScript({ content: MARKS_SCRIPT });
  const loadToJoined: number[] = [];
  const joinedToFrame: number[] = [];
  for (let i = 0; i < joins; i++) {
    const page = await guest.context.newPage();
    const url = new URL(room._links.guest_url.href);
    url.searchParams.set('display_name', `Guest ${i + 1}`);
    url.searchParams.set('skip_prejoin', '1');
    await page.goto(url.toString());
    await page.waitForFunction(() => {
      const marks = (window as unknown as { __parleyBenchMarks?: { firstRemoteFrame?: number } }).__parleyBenchMarks;
      return marks?.firstRemoteFrame !== undefined;
    }, undefined, { timeout: 30_000 });
    const marks = await page.evaluate(() => (window as unknown as { __parleyBenchMarks: { joined: number; firstRemoteFrame: number } }).__parleyBenchMarks);
    loadToJoined.push(marks.joined);
    joinedToFrame.push(marks.firstRemoteFrame - marks.joined);
    await page.click('[data-testid="leave-button"]');
    await page.waitForSelector('[data-testid="left-screen"]');
    await page.close();
  }
  await guest.close();
  await host.close();
  await server.close();

  const row = (name: string, values: number[]): string =>
    `${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms`;
  console.log(`bench:join  ${joins} joins  ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}  ${new Date().toISOString()}`);
  console.log(row('page load → joined', loadToJoined));
  console.log(row('joined → first remote video frame', joinedToFrame));
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
