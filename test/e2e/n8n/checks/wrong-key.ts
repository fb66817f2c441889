/**
 * (f) A refused API key with "On Error → Continue": every input item comes out as its own failed
 * item with the message that says what to do, and the run itself does not fail.
 */
import { API_KEY_REJECTED } from '@ecomail-bridge/shared';
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { executeWorkflow } from './cli-run';
import { expectEqual } from './expect';

export async function checkWrongKey(context: E2eContext): Promise<string> {
  const contactsBefore = context.ecomail.state.contacts().length;
  const run = await executeWorkflow(context, WORKFLOW_IDS.wrongKey);
  expectEqual(run.error, undefined, 'run error');
  expectEqual(run.task('Ecomail')?.error, undefined, 'error of the Ecomail node');
  const items = (run.outputs('Ecomail')[0] ?? []).map((item) => [item.json.status, item.json.error]);
  expectEqual(
    items,
    [
      ['failed', `[item 0] ${API_KEY_REJECTED}`],
      ['failed', `[item 1] ${API_KEY_REJECTED}`],
      ['failed', `[item 2] ${API_KEY_REJECTED}`],
    ],
    'Ecomail node output per input item',
  );
  expectEqual(context.ecomail.state.contacts().length, contactsBefore, 'contacts in the sandbox (nothing written)');
  return `${items.length} items, each failed with its reason`;
}
