import type { Room } from '../../rooms/room.js';
import type { RoomsRepository } from '../../store/rooms-repository.js';

/**
 * The room a meeting page's code names, if any. A code is digits only: anything else names no room,
 * without asking the database.
 */
export async function roomByMeetingCode(rooms: Pick<RoomsRepository, 'findByMeetingCode'>, meetingCode: string): Promise<Room | undefined> {
  return /^\d{1,32}$/.test(meetingCode) ? rooms.findByMeetingCode(meetingCode) : undefined;
}
