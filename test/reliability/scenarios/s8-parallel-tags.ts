/**
 * 8. 50 parallel add-tags on one contact (from two client instances sharing the key, under light
 * 5xx and 429 faults): Ecomail replaces the whole tag set on each write, so any overlap of two
 * read-merge-write cycles would lose a tag.
 */
import { coreClient } from '../lib/core';
import { injectedFaults, startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { capture, errorText } from '../lib/secrets';

const PARALLEL = 50;

export async function parallelTags(rec: Recorder): Promise<void> {
  const sandbox = await startEcomail({ retryAfterSeconds: 0.1 });
  try {
    const a = coreClient(sandbox).client;
    const b = coreClient(sandbox).client;
    const email = 'many.tags@example.cz';
    await a.upsertContact(1, { email, tags: ['existing'] });
    sandbox.setFaults({ errorRate: 0.1, throttleRate: 0.1, seed: 88 });
    const tags = Array.from({ length: PARALLEL }, (_, i) => `parallel-${i}`);
    const results = await Promise.allSettled(tags.map((tag, i) => (i % 2 ? a : b).addTags(email, [tag], { listId: 1 })));
    sandbox.setFaults({ errorRate: 0, throttleRate: 0 });
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        capture('parallel tags error', errorText(result.reason));
        rec.refuse(tags[i], (result.reason as Error).message);
      }
    });
    const faults = injectedFaults(sandbox.state.calls());
    rec.fault('HTTP 5xx (10%)', faults.serverErrors);
    rec.fault('429 + Retry-After (10%)', faults.throttled);
    rec.fault('parallel writers on one contact', PARALLEL);
    const stored = sandbox.state.contact(email)?.tags ?? [];
    rec.tally(compare('tags', ['existing', ...tags], stored));
  } finally {
    await sandbox.close();
  }
}
