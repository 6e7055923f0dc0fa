import type { Logger } from 'pino';
import type { RoomsRepository } from '../store/rooms-repository.js';
import type { SpeechRecognizer } from './speech-recognizer.js';

/**
 * Says at start-up, naming what is missing and how to fix it, when live captions cannot run here:
 * meetings work without them, but a host who turns them on is refused. Louder when rooms offer them.
 */
export async function warnIfCaptionsCannotRun(recognizer: SpeechRecognizer, rooms: Pick<RoomsRepository, 'countOfferingCaptions'>, logger: Logger): Promise<void> {
  const reason = await recognizer.unavailableReason();
  if (!reason) return;
  const offering = await rooms.countOfferingCaptions();
  const consequence =
    offering > 0
      ? `${offering} room(s) offer live captions, but turning them on will be refused`
      : 'rooms that offer live captions will refuse to turn them on';
  logger.error({ reason, roomsOfferingCaptions: offering }, `live captions cannot run: ${reason}; ${consequence}`);
}
