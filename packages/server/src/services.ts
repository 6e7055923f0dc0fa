import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { ParticipantTokens } from './identity/participant-tokens.js';
import { ApplicationsRepository } from './store/applications-repository.js';
import { openStore, type Store } from './store/database.js';
import { RoomsRepository } from './store/rooms-repository.js';
import { SessionsRepository } from './store/sessions-repository.js';
import { ThemesRepository } from './store/themes-repository.js';

/**
 * Everything the HTTP and signaling layers use, built once at start-up. Route plugins receive this;
 * they hold no state of their own.
 */
export interface Services {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  applications: ApplicationsRepository;
  rooms: RoomsRepository;
  sessions: SessionsRepository;
  themes: ThemesRepository;
  participantTokens: ParticipantTokens;
}

export interface ServiceOptions {
  clock?: Clock;
  logger?: Logger;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: undefined });
  const store = await openStore(config.databaseUrl);
  return {
    config,
    logger,
    clock,
    store,
    applications: new ApplicationsRepository(store.db),
    rooms: new RoomsRepository(store.db),
    sessions: new SessionsRepository(store.db),
    themes: new ThemesRepository(store.db),
    participantTokens: await ParticipantTokens.load(store.db, () => clock.now()),
  };
}
