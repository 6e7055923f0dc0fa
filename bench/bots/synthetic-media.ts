import wrtc from '@roamhq/wrtc';
import type { CameraSettings } from './camera-settings.js';

/**
 * A fake camera for publisher bots: a pattern that moves every frame, so the encoder produces what a
 * real camera would (about 1.7 Mbit/s at 640x480, 20 fps) instead of near-empty frames. One second of
 * frames is drawn once and then replayed, so the bot spends its CPU encoding, not drawing.
 * Every publisher in a bot process takes its own track from the one camera.
 */
export class SyntheticCamera {
  private readonly source = new wrtc.nonstandard.RTCVideoSource();
  private readonly frames: Uint8Array[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly settings: CameraSettings) {
    const { width, height, fps } = settings;
    for (let i = 0; i < fps; i++) this.frames.push(drawFrame(width, height, i));
    let next = 0;
    this.timer = setInterval(() => this.source.onFrame({ width, height, data: this.frames[next++ % this.frames.length]! }), 1000 / fps);
  }

  createTrack(): MediaStreamTrack {
    return this.source.createTrack();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * A fake microphone: a steady tone (which also keeps Janus's talking detection busy), in 10 ms chunks
 * paced by the clock rather than by the timer: when a busy machine delays the timer, the chunks due
 * meanwhile go out together, as a sound card's buffer would deliver them, so the audio rate holds.
 */
export class SyntheticMicrophone {
  private readonly source = new wrtc.nonstandard.RTCAudioSource();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    const sampleRate = 48_000;
    const samples = new Int16Array(sampleRate / 100);
    // 400 Hz fits a whole number of periods in 10 ms, so the same chunk repeats seamlessly.
    for (let i = 0; i < samples.length; i++) samples[i] = Math.round(Math.sin((2 * Math.PI * 400 * i) / sampleRate) * 8000);
    const started = performance.now();
    let sent = 0;
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - started) / 10);
      // After a stall of more than a second, the oldest audio is gone, as from an overrun buffer.
      sent = Math.max(sent, due - MAX_CATCH_UP_CHUNKS);
      for (; sent < due; sent++) this.source.onData({ samples, sampleRate, bitsPerSample: 16, channelCount: 1, numberOfFrames: samples.length });
    }, 10);
  }

  createTrack(): MediaStreamTrack {
    return this.source.createTrack();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const MAX_CATCH_UP_CHUNKS = 100;

/** An I420 frame: a diagonal interference pattern shifted by `index`, grey chroma. */
function drawFrame(width: number, height: number, index: number): Uint8Array {
  const frame = new Uint8Array(width * height * 1.5);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) frame[y * width + x] = ((x + index * 8) ^ y) & 0xff;
  }
  frame.fill(128, width * height);
  return frame;
}
