/** A promise a test settles by hand: one side awaits `reached`, the other calls `fire()` when it happened. */
export function signal(): { reached: Promise<void>; fire: () => void } {
  let fire: () => void = () => {};
  const reached = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { reached, fire };
}
