/**
 * (e) "On Error → Continue (using error output)" on Create or Update: the error branch receives
 * exactly the failed items and the success branch exactly the saved ones. n8n decides this itself
 * (handleNodeErrorOutput), so only a run in n8n proves it.
 */
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { executeWorkflow } from './cli-run';
import { expectEqual } from './expect';

export async function checkErrorOutput(context: E2eContext): Promise<string> {
  const run = await executeWorkflow(context, WORKFLOW_IDS.errorOutput);
  expectEqual(run.error, undefined, 'run error');
  const saved = (run.outputs('Saved')[0] ?? []).map((item) => [item.json.email, item.json.status]);
  // On the error branch n8n replaces an item's json by its error (normalizeNodeErrors).
  const failed = (run.outputs('Failed')[0] ?? []).map((item) => item.json.error);
  expectEqual(
    saved,
    [
      ['eva.mala@example.cz', 'sent'],
      ['adam.velky@example.cz', 'sent'],
    ],
    'items on the success branch',
  );
  expectEqual(
    failed,
    [
      '[item 1] Ecomail did not take not-an-email: "not-an-email" is not a valid e-mail address',
      '[item 3] Ecomail did not take also broken@: "also broken@" is not a valid e-mail address',
    ],
    'items on the error branch',
  );
  expectEqual(
    ['eva.mala@example.cz', 'adam.velky@example.cz'].map((email) => context.ecomail.state.contact(email)?.tags),
    [['e2e-error-output'], ['e2e-error-output']],
    'tags of the saved contacts',
  );
  return `${saved.length} items on the success branch, ${failed.length} on the error branch`;
}
