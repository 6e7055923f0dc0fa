import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, with a fake camera and microphone, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /**
   * `fake` (the default): Chromium's fake camera and microphone, allowed. `blocked`: the same devices,
   * with the page's request for them denied, as when a person clicked Block. `absent`: a machine with
   * no camera or microphone at all.
   */
  media?: 'fake' | 'blocked' | 'absent';
  /** How many fake cameras the system lists (Chromium's `device-count`); one by default. */
  cameras?: number;
  /** A WAV file the fake microphone plays in a loop, instead of Chromium's beeps (see fake-audio.ts). */
  fakeAudioFile?: string;
  viewport?: { width: number; height: number };
}

/** The launch arguments for one kind of media setup. */
function argsFor({ media = 'fake', cameras = 1, fakeAudioFile }: LaunchOptions): string[] {
  const fakeDevices = cameras === 1 ? '--use-fake-device-for-media-stream' : `--use-fake-device-for-media-stream=device-count=${cameras}`;
  const fakeAudio = fakeAudioFile ? [`--use-file-for-fake-audio-capture=${fakeAudioFile}`] : [];
  return [...fakeAudio, ...CHROMIUM_ARGS].flatMap((arg) => {
    if (arg === '--use-fake-device-for-media-stream') return media === 'absent' ? [] : [fakeDevices];
    if (arg === '--use-fake-ui-for-media-stream') return media === 'blocked' ? ['--deny-permission-prompts'] : [arg];
    return [arg];
  });
}

export interface Participant {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * One person: a fresh Chromium profile with one page. Every RTCPeerConnection the page makes is
 * recorded on `window.__parleyTestPeerConnections` so the test can read its statistics; the page itself
 * carries no test hooks. Screen sharing picks the fake screen without asking.
 */
export async function launchParticipant(options: LaunchOptions = {}): Promise<Participant> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: argsFor(options),
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  // A plain script, not a function: the TypeScript loader would decorate a function's classes with
  // helpers that do not exist in the page.
  await context.addInitScript({
    content: `(() => {
      const recorded = [];
      window.__parleyTestPeerConnections = recorded;
      const Original = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends Original {
        constructor(config) { super(config); recorded.push(this); }
      };
    })();`,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface InboundCounters {
  /** Frames decoded per inbound video stream, keyed by PeerConnection and stats id. */
  videoFramesDecoded: Record<string, number>;
  /** Packets received per inbound audio stream, keyed by PeerConnection and stats id. */
  audioPacketsReceived: Record<string, number>;
}

/** Inbound RTP counters across every PeerConnection of the page. */
export async function inboundCounters(page: Page): Promise<InboundCounters> {
  return page.evaluate(async () => {
    const result = { videoFramesDecoded: {} as Record<string, number>, audioPacketsReceived: {} as Record<string, number> };
    const pcs = (window as unknown as { __parleyTestPeerConnections: RTCPeerConnection[] }).__parleyTestPeerConnections;
    for (const [index, pc] of pcs.entries()) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        const key = `${index}:${String(report.id)}`;
        if (report.kind === 'video') result.videoFramesDecoded[key] = Number(report.framesDecoded ?? 0);
        if (report.kind === 'audio') result.audioPacketsReceived[key] = Number(report.packetsReceived ?? 0);
      });
    }
    return result;
  });
}
