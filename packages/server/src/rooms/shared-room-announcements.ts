import type { Logger } from 'pino';
import type { ClusterBus } from '../cluster/cluster-bus.js';
import type { RoomClosures } from './room-closures.js';
import type { RoomUpdates } from './room-updates.js';
import type { RoomsRepository } from '../store/rooms-repository.js';

const ROOM_CLOSED = 'room-closed';
const ROOM_UPDATED = 'room-updated';

/**
 * Carries the room announcements made on this node (a room deleted, its settings changed, through
 * this node's API) to the other nodes, and theirs to this one, where whichever node owns the room's
 * live session acts on them. An update travels as the room id: the receiver reads the room as stored.
 * Returns the function that stops sharing.
 */
export function shareRoomAnnouncements(deps: { bus: ClusterBus; roomClosures: RoomClosures; roomUpdates: RoomUpdates; rooms: Pick<RoomsRepository, 'findById'>; logger: Logger }): () => void {
  const { bus, roomClosures, roomUpdates, logger } = deps;
  // Set while an announcement heard from another node is repeated here: listeners run synchronously
  // within `announce`, so the one below that publishes knows not to send it back.
  let repeating = false;
  const repeat = (announce: () => unknown): void => {
    repeating = true;
    try {
      void announce();
    } finally {
      repeating = false;
    }
  };
  const published = (topic: string) => (error: Error) => logger.error({ err: error, topic }, 'cannot tell the other nodes of a room change');
  const stops = [
    roomClosures.onClosed(async (roomId) => {
      if (!repeating) await bus.publish(ROOM_CLOSED, roomId).catch(published(ROOM_CLOSED));
    }),
    roomUpdates.onUpdated((room) => {
      if (!repeating) void bus.publish(ROOM_UPDATED, room.id).catch(published(ROOM_UPDATED));
    }),
    bus.subscribe(ROOM_CLOSED, (roomId) => repeat(() => roomClosures.announce(roomId))),
    bus.subscribe(ROOM_UPDATED, (roomId) => {
      deps.rooms.findById(roomId).then(
        (room) => room && repeat(() => roomUpdates.announce(room)),
        (error: Error) => logger.error({ err: error, roomId }, 'cannot read a room another node changed'),
      );
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
