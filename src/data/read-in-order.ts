// Reads files ahead while earlier ones are checked: overlaps disk waits with the checks, keeps memory bounded.

/** Files read ahead of the one being checked. */
export const READ_AHEAD = 16;

/** Runs `read` on every item, up to `ahead` at a time, and hands the results to `use` in the items' order. */
export async function readInOrder<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  use: (result: R, item: T) => void,
  ahead = READ_AHEAD,
): Promise<void> {
  const pending: Promise<R>[] = [];
  for (let i = 0; i < Math.min(ahead, items.length); i++) pending.push(read(items[i]!));
  for (let i = 0; i < items.length; i++) {
    const result = await pending[i]!;
    delete pending[i];
    if (i + ahead < items.length) pending[i + ahead] = read(items[i + ahead]!);
    use(result, items[i]!);
  }
}
