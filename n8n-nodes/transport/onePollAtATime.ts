import type { IPollFunctions } from 'n8n-workflow';

/** Poll triggers (workflow and node) whose poll is running in this n8n process. */
const running = new Set<string>();

/**
 * Runs `poll` unless this trigger's previous poll is still running. n8n's scheduler starts a poll
 * on every tick whether or not the last one has finished, and both would read the same cursor and
 * emit the same records (docs/n8n-platform.md §5.3). Polls run only in n8n's main process (the
 * leader, in queue mode too), so this process's memory sees them all; a skipped tick emits nothing
 * and the next one carries on.
 */
export async function onePollAtATime<T>(
	context: IPollFunctions,
	poll: () => Promise<T | null>,
): Promise<T | null> {
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	if (running.has(key)) return null;
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
