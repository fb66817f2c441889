/**
 * Issue 18 point 4: Create or Update offers only options that take effect: no Send in Bulk; the
 * subscribe choices only while contacts may be subscribed (not with "only update existing"); no
 * options at all for Ellity events, where none applies.
 */
import { expectEqual, expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import { FRESH_NODES } from '../fixtures';


const FIELDS_OPTIONS = [
  'Import Mode',
  'Resubscribe',
  'Send Confirmation Email',
  'Send New-Subscriber Notification',
  'Start Automations',
  'Tag Handling',
  'Vocative and Name Day',
];

async function offeredOptions(editor: Editor, nodeName: string, shot: string): Promise<string[]> {
  await editor.openNode(nodeName);
  const offered = await editor.collectionChoices('Options');
  await editor.screenshot(shot);
  await editor.closeNode();
  return offered.sort();
}

export async function checkUpsertOptions(editor: Editor): Promise<string> {
  await editor.openWorkflow(FRESH_NODES.workflowId, 3);
  expectEqual(await offeredOptions(editor, FRESH_NODES.withoutCredential, '4-upsert-options-fields'), FIELDS_OPTIONS, 'options of Fields Below');
  // Import Mode is already set on this node, so n8n offers only the options still to add.
  expectEqual(
    await offeredOptions(editor, FRESH_NODES.updateOnly, '4-upsert-options-update-only'),
    ['Tag Handling', 'Vocative and Name Day'],
    'options besides Import Mode → Only Update Existing',
  );
  await editor.openWorkflow('exEllityEcomail1', 2);
  await editor.openNode('Ecomail');
  const ellityPanel = await editor.panelText();
  await editor.screenshot('4-upsert-ellity-event');
  await editor.closeNode();
  expectTrue(!/^Options$/m.test(ellityPanel), 'Map From → Ellity Event still shows an Options section');
  return `Fields Below: ${FIELDS_OPTIONS.length} options; update only: 2; Ellity Event: none`;
}
