// Counts the event loop's turns while asynchronous work runs: what other requests would see meanwhile.

/**
 * Runs `work` while a callback re-queued with setImmediate counts the event loop's turns, calling `each` (if given)
 * on every turn. Work done in one piece lets the counter turn once or twice; work done in slices, once per slice.
 */
export async function withTurns<T>(
  work: () => Promise<T>,
  each?: (turn: number) => void,
): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = (): void => {
    each?.(turns);
    turns++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  running = false;
  return { result, turns };
}
