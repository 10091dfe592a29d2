import type { Coach } from '../coach/index.js';

let coach: Promise<Coach> | undefined;

/** The one coach of the process. Its language model takes a few hundred ms to load, so it loads on first use and server start stays fast. */
export function getCoach(): Promise<Coach> {
  coach ??= import('../coach/index.js').then(({ createCoach }) => createCoach());
  return coach;
}
