/**
 * (a) A manual workflow run with `n8n execute --id` (docs/n8n-platform.md §8.4: CLI runs need a Manual Trigger):
 * three input rows → two contacts created in Ecomail list 1 with fields, tag and custom field,
 * and the row with a broken e-mail reported on its own output item instead of failing the run.
 */
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { executeWorkflow } from './cli-run';
import { expectEqual, expectTrue } from './expect';

export async function checkManualUpsert(context: E2eContext): Promise<string> {
  const run = await executeWorkflow(context, WORKFLOW_IDS.manualUpsert);
  const items = (run.outputs('Ecomail')[0] ?? []).map((item) => item.json);
  expectEqual(
    items.map((item) => item.status),
    ['sent', 'sent', 'failed'],
    'Ecomail node outcome per input row',
  );

  const jana = context.ecomail.state.contact('jana.novakova@example.cz');
  const petr = context.ecomail.state.contact('petr.svoboda@example.cz');
  expectTrue(jana !== undefined && petr !== undefined, 'both contacts exist in the Ecomail sandbox');
  expectEqual([jana!.name, jana!.surname, jana!.city], ['Jana', 'Nováková', 'Brno'], 'Jana’s contact fields');
  expectEqual(jana!.tags, ['e2e-manual'], 'Jana’s tags');
  expectEqual(jana!.lists['1']?.c_fields.goout_last_event, 'Manual import from Brno', 'custom field from the resource mapper');
  expectEqual(petr!.lists['1']?.status, 1, 'Petr subscribed to list 1');
  expectEqual(context.ecomail.state.contacts().length, 2, 'contacts in the sandbox (broken row not sent)');
  return `2 contacts upserted, 1 bad row reported: ${String(items[2]?.error ?? '').slice(0, 80)}`;
}
