/**
 * Runs tasks one at a time per key, in arrival order. Ecomail replaces a contact's whole tag set on
 * every write, so two read-merge-write cycles for one e-mail must never overlap. Module-level so
 * every client instance in the process shares it.
 */
const tails = new Map<string, Promise<unknown>>();

export function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
