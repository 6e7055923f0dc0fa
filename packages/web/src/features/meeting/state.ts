import type { ParticipantInfo } from '@parley/protocol';

/** The SDK's RemoteParticipant, as far as the page's state cares. */
export interface RemoteLike {
  info: ParticipantInfo;
  stream: MediaStream;
  screenStream: MediaStream;
}

export interface RemoteTileState {
  info: ParticipantInfo;
  stream: MediaStream;
  /** Their screen share, while they share. */
  screenStream: MediaStream;
  /** Bumped whenever a track arrives, so the tile re-attaches the stream to its <video>. */
  trackVersion: number;
}

/** Everyone else in the room, in the order they arrived. */
export type RemotesState = readonly RemoteTileState[];

export type RemotesAction =
  | { type: 'reset'; participants: readonly RemoteLike[] }
  | { type: 'joined'; participant: RemoteLike }
  | { type: 'updated'; participant: RemoteLike }
  | { type: 'track'; participant: RemoteLike }
  | { type: 'left'; participantId: string };

export function remotesReducer(state: RemotesState, action: RemotesAction): RemotesState {
  switch (action.type) {
    case 'reset':
      return action.participants.map((p) => ({ info: p.info, stream: p.stream, screenStream: p.screenStream, trackVersion: 0 }));
    case 'joined':
    case 'updated':
    case 'track': {
      const { participant } = action;
      const index = state.findIndex((p) => p.info.id === participant.info.id);
      if (index === -1) {
        // An update or track for someone we have not seen join still means they are here.
        return [...state, { info: participant.info, stream: participant.stream, screenStream: participant.screenStream, trackVersion: 0 }];
      }
      const current = state[index]!;
      const next: RemoteTileState = {
        info: { ...participant.info },
        stream: participant.stream,
        screenStream: participant.screenStream,
        trackVersion:
          action.type === 'track' || current.stream !== participant.stream ? current.trackVersion + 1 : current.trackVersion,
      };
      return state.map((p, i) => (i === index ? next : p));
    }
    case 'left':
      return state.some((p) => p.info.id === action.participantId)
        ? state.filter((p) => p.info.id !== action.participantId)
        : state;
  }
}
