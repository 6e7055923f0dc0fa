import { createContext } from 'react';

/** The output device the meeting's sound plays on; `undefined` for the system's default. */
export const SpeakerContext = createContext<string | undefined>(undefined);
