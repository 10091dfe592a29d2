import { uuidv7 } from 'uuidv7';

/** Time-ordered random ids: safe to expose (not guessable, not a count) and index-friendly. */
export const newId = (): string => uuidv7();
