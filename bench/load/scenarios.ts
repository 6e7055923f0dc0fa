/**
 * `bench:load`'s scenarios, modelled on LiveKit's published benchmark and scaled to a small machine:
 * an audio-only room (a few speakers, many listeners), a meeting (everyone on camera and microphone,
 * everyone receiving everyone) and a livestream (one simulcast publisher, many viewers).
 */
import { parseCamera, type CameraSettings } from '../bots/camera-settings.js';
import { parseCounts, parseSteps, type Step } from '../room/step-settings.js';

export const SCENARIO_NAMES = ['audio', 'meeting', 'livestream'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  name: ScenarioName;
  /** What the scenario models, printed above its table. */
  description: string;
  steps: Step[];
  /** Absent: the publishers only speak. */
  camera?: CameraSettings;
  simulcast: boolean;
  /** The people a step models (a meeting's participants each publish and receive). */
  participants(step: Step): number;
}

/** Settings as the environment gives them; every one has a default. */
export type ScenarioSettings = Partial<Record<
  'BENCH_SCENARIOS' | 'BENCH_AUDIO_STEPS' | 'BENCH_MEETING_STEPS' | 'BENCH_MEETING_VIDEO' | 'BENCH_LIVESTREAM_STEPS' | 'BENCH_LIVESTREAM_VIDEO',
  string
>>;

/** Comma-separated scenario names, each once, in the order given. */
export function parseScenarioNames(text: string): ScenarioName[] {
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) throw new Error(`BENCH_SCENARIOS: "${name}" is not one of ${SCENARIO_NAMES.join(', ')}`);
  }
  return [...new Set(names as ScenarioName[])];
}

export function scenariosFrom(settings: ScenarioSettings): Scenario[] {
  return parseScenarioNames(settings.BENCH_SCENARIOS ?? SCENARIO_NAMES.join(',')).map((name) => SCENARIOS[name](settings));
}

const SCENARIOS: Record<ScenarioName, (settings: ScenarioSettings) => Scenario> = {
  audio: (settings) => ({
    name: 'audio',
    description: 'audio-only room: speakers send a tone (Opus, 50 packets/s), listeners receive every speaker',
    steps: parseSteps(settings.BENCH_AUDIO_STEPS ?? '10x25,10x50,10x100', 'BENCH_AUDIO_STEPS'),
    simulcast: false,
    participants: ({ publishers, subscribers }) => publishers + subscribers,
  }),
  meeting: (settings) => {
    const camera = parseCamera(settings.BENCH_MEETING_VIDEO ?? '640x480@20', 'BENCH_MEETING_VIDEO');
    return {
      name: 'meeting',
      description:
        `meeting: each participant publishes a ${camera.width}x${camera.height} camera at ${camera.fps} fps and a tone, and receives every camera and voice ` +
        '(a participant is two bots: one publishing, one count-only receiver)',
      steps: parseCounts(settings.BENCH_MEETING_STEPS ?? '2,4,6', 'BENCH_MEETING_STEPS', 'participants', 2).map((n) => ({ publishers: n, subscribers: n })),
      camera,
      simulcast: false,
      participants: ({ publishers }) => publishers,
    };
  },
  livestream: (settings) => {
    const camera = parseCamera(settings.BENCH_LIVESTREAM_VIDEO ?? '1280x720@30', 'BENCH_LIVESTREAM_VIDEO');
    return {
      name: 'livestream',
      description: `livestream: one publisher, a ${camera.width}x${camera.height} camera at ${camera.fps} fps in three simulcast layers and a tone; viewers say nothing of their view, so Parley asks Janus for its top layer`,
      steps: parseCounts(settings.BENCH_LIVESTREAM_STEPS ?? '25,50,100', 'BENCH_LIVESTREAM_STEPS', 'viewers').map((viewers) => ({ publishers: 1, subscribers: viewers })),
      camera,
      simulcast: true,
      participants: ({ subscribers }) => 1 + subscribers,
    };
  },
};
