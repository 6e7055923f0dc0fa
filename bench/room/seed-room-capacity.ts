/**
 * Whether the seed room fits one machine, from the measured Janus cost per forwarded packet. Janus's
 * cost is per packet, not per byte (DESIGN.md), so the question is how many packets the room makes
 * Janus send each second.
 *
 * The room: every participant sees every presenter as a thumbnail at the lowest simulcast layer and
 * hears every presenter; nobody else sends media (a muted microphone sends nothing). Each presenter's
 * streams therefore go to every other participant. Packets Janus receives from the presenters are not
 * counted apart: the measured cost per forwarded packet already carries them.
 */

export interface SeedRoomAssumptions {
  participants: number;
  presenters: number;
  /** Frame rate of the lowest layer: browsers' cameras run at 30 fps and simulcast keeps it on every layer. */
  cameraFps: number;
  /** A thumbnail frame (160x90 to 320x180, ~100–150 kbit/s) fits one packet: measured, or 1. */
  lowLayerPacketsPerFrame: number;
  /** Opus sends a packet every 20 ms. */
  audioPacketsPerSecond: number;
  cores: number;
}

export const SEED_ROOM: Omit<SeedRoomAssumptions, 'lowLayerPacketsPerFrame'> = {
  participants: 200,
  presenters: 25,
  cameraFps: 30,
  audioPacketsPerSecond: 50,
  cores: 2,
};

export interface SeedRoomVerdict {
  fits: boolean;
  /** Packets per second Janus would forward. */
  packetsPerSecond: number;
  /** Packets per second the machine's cores forward at the measured cost. */
  capacity: number;
  coresNeeded: number;
  /** The most presenters `participants` people could have on this machine. */
  maxPresenters: number;
  /** The most participants a room with `presenters` presenters could hold on this machine. */
  maxParticipants: number;
  /** The arithmetic, line by line, to print. */
  lines: string[];
}

export function seedRoomVerdict(room: SeedRoomAssumptions, microsecondsPerPacket: number): SeedRoomVerdict {
  const lowLayerPps = room.cameraFps * room.lowLayerPacketsPerFrame;
  const perPresenterPerReceiver = lowLayerPps + room.audioPacketsPerSecond;
  const receivers = room.participants - 1;
  const packetsPerSecond = room.presenters * receivers * perPresenterPerReceiver;
  const capacity = (room.cores * 1e6) / microsecondsPerPacket;
  const coresNeeded = (packetsPerSecond * microsecondsPerPacket) / 1e6;
  const maxPresenters = Math.floor(capacity / (receivers * perPresenterPerReceiver));
  const maxParticipants = Math.floor(capacity / (room.presenters * perPresenterPerReceiver)) + 1;
  const fits = packetsPerSecond <= capacity;
  const f = (n: number): string => Math.round(n).toLocaleString('en-US');
  const lines = [
    `thumbnail layer: ${room.cameraFps} fps × ${room.lowLayerPacketsPerFrame.toFixed(2)} packets/frame = ${f(lowLayerPps)} packets/s; audio ${room.audioPacketsPerSecond} packets/s`,
    `forwarded: ${room.presenters} presenters × ${receivers} receivers × (${f(lowLayerPps)} + ${room.audioPacketsPerSecond}) packets/s = ${f(packetsPerSecond)} packets/s`,
    `machine: ${room.cores} cores × 1,000,000 µs ÷ ${microsecondsPerPacket.toFixed(1)} µs/packet = ${f(capacity)} packets/s (every cycle to Janus: an upper bound)`,
    `${fits ? 'FITS' : 'DOES NOT FIT'}: needs ${coresNeeded.toFixed(2)} cores of ${room.cores} (${((coresNeeded / room.cores) * 100).toFixed(0)} % of the machine)`,
    `on ${room.cores} cores: ${room.participants} participants with up to ${maxPresenters} presenter(s), or ${room.presenters} presenters with up to ${maxParticipants} participants`,
  ];
  return { fits, packetsPerSecond, capacity, coresNeeded, maxPresenters, maxParticipants, lines };
}
