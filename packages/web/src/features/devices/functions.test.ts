import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserFamily, mediaAccessProblem, unpluggedKinds, type DeviceLists } from './functions';

describe('mediaAccessProblem', () => {
  it('names what is blocked or missing, a block first', () => {
    assert.equal(mediaAccessProblem({}), null);
    assert.equal(mediaAccessProblem({ audio: 'in_use' }), null, 'a busy device is not for the permission page');
    assert.deepEqual(mediaAccessProblem({ audio: 'denied', video: 'denied' }), { reason: 'denied', kinds: 'both' });
    assert.deepEqual(mediaAccessProblem({ video: 'denied' }), { reason: 'denied', kinds: 'video' });
    assert.deepEqual(mediaAccessProblem({ audio: 'not_found', video: 'not_found' }), { reason: 'not_found', kinds: 'both' });
    assert.deepEqual(mediaAccessProblem({ audio: 'not_found', video: 'denied' }), { reason: 'denied', kinds: 'video' });
  });
});

describe('browserFamily', () => {
  it('tells Chromium browsers, Firefox and Safari apart by their user agents', () => {
    const agents = {
      chromium: [
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/141.0 Mobile/15E148 Safari/604.1',
      ],
      firefox: ['Mozilla/5.0 (X11; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0'],
      safari: ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15'],
      other: ['curl/8.5.0'],
    } as const;
    for (const [family, list] of Object.entries(agents)) {
      for (const agent of list) assert.equal(browserFamily(agent), family, agent);
    }
  });
});

describe('unpluggedKinds', () => {
  const track = (kind: string, deviceId: string) => ({ kind, getSettings: () => ({ deviceId }) });
  const streamOf = (...tracks: ReturnType<typeof track>[]) =>
    ({
      getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
      getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    }) as unknown as MediaStream;
  const device = (deviceId: string) => ({ deviceId }) as MediaDeviceInfo;
  const lists = (audio: string[], video: string[]): DeviceLists => ({ audio: audio.map(device), video: video.map(device), speaker: [] });

  it('finds the kinds whose device in use is no longer listed', () => {
    const stream = streamOf(track('audio', 'mic-1'), track('video', 'cam-1'));
    assert.deepEqual(unpluggedKinds(stream, lists(['mic-1'], ['cam-1', 'cam-2'])), []);
    assert.deepEqual(unpluggedKinds(stream, lists(['mic-1'], ['cam-2'])), ['video']);
    assert.deepEqual(unpluggedKinds(stream, lists([], [])), ['audio', 'video']);
  });

  it('judges no kind without a track, or whose track does not name its device', () => {
    assert.deepEqual(unpluggedKinds(null, lists([], [])), []);
    assert.deepEqual(unpluggedKinds(streamOf(track('video', '')), lists([], [])), []);
  });
});
