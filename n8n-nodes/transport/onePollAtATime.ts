import type { IPollFunctions } from 'n8n-workflow';

/** The poll of each trigger (workflow and node) that is running in this n8n process. */
const running = new Map<string, Promise<unknown>>();

/**
 * Runs `poll` unless this trigger's previous poll is still running; then it waits for that poll to
 * end and emits nothing (docs/n8n-platform.md §5.3). n8n's scheduler starts a poll on every tick
 * whether or not the last one has finished: two polls would read the same cursor and emit the same
 * records. And a tick must not end before the running poll does: n8n releases the workflow's
 * expression isolate after every poll, also one that found it already held, which takes it away
 * from the running poll ("No bridge acquired for this context"). Polls run only in n8n's main
 * process (the leader, in queue mode too), so this process's memory sees them all.
 */
export async function onePollAtATime<T>(
	context: IPollFunctions,
	poll: () => Promise<T | null>,
): Promise<T | null> {
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const previous = running.get(key);
	if (previous) {
		await previous.catch(() => undefined);
		return null;
	}
	const current = poll();
	running.set(key, current);
	try {
		return await current;
	} finally {
		running.delete(key);
	}
}
