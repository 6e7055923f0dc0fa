/**
 * A scenario's capacity per core, from its measured steps: the largest step that kept loss at or under
 * `LOSS_LIMIT`, scaled by the share of a core Janus spent on it. Janus's cost grows with the packets it
 * forwards, so one core carries what this step carried divided by the core share it took; the largest
 * acceptable step spreads Janus's fixed costs (receiving the publishers, timers) the thinnest.
 */
import type { Step } from '../room/step-settings.js';

/** Above this share of packets lost, a step counts as over capacity. */
export const LOSS_LIMIT = 0.01;

export interface MeasuredStep {
  step: Step;
  /** The people the step models. */
  participants: number;
  /** Fractions of one core. */
  janusCpu: number;
  parleyCpu?: number;
  packetsPerSecond: number;
  megabitsPerSecond: number;
  loss: number;
}

export interface Capacity {
  /** The step the figures scale from. */
  from: MeasuredStep;
  /** Per core of Janus. */
  participantsPerCore: number;
  subscribersPerCore: number;
  packetsPerCore: number;
  megabitsPerCore: number;
  /** Parley's CPU per participant, in fractions of a core; absent when Parley was not measured. */
  parleyCpuPerParticipant?: number;
}

/** Undefined when no step stayed within the loss limit or Janus's CPU was not measurable. */
export function capacityPerCore(steps: readonly MeasuredStep[]): Capacity | undefined {
  const acceptable = steps.filter((s) => s.loss <= LOSS_LIMIT && s.janusCpu > 0);
  if (acceptable.length === 0) return undefined;
  const from = acceptable.reduce((most, s) => (s.packetsPerSecond > most.packetsPerSecond ? s : most));
  return {
    from,
    participantsPerCore: from.participants / from.janusCpu,
    subscribersPerCore: from.step.subscribers / from.janusCpu,
    packetsPerCore: from.packetsPerSecond / from.janusCpu,
    megabitsPerCore: from.megabitsPerSecond / from.janusCpu,
    ...(from.parleyCpu !== undefined ? { parleyCpuPerParticipant: from.parleyCpu / from.participants } : {}),
  };
}
