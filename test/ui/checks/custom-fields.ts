/**
 * Issue 18 point 5: a fresh Create or Update node shows no red "No custom fields found" before a
 * list is chosen, and the custom-field section says what it is about.
 */
import { expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import { FRESH_NODES } from '../fixtures';

const LABEL = 'Custom Fields: choose a list above, then set each custom field of that list below';

export async function checkCustomFieldsBeforeList(editor: Editor): Promise<string> {
  await editor.openWorkflow(FRESH_NODES.workflowId, 3);
  for (const [name, shot] of [
    [FRESH_NODES.withoutCredential, '5-custom-fields-no-credential'],
    [FRESH_NODES.withCredential, '5-custom-fields-no-list'],
  ]) {
    await editor.openNode(name);
    await editor.settle(1500);
    const panel = await editor.panelText();
    await editor.screenshot(shot);
    await editor.closeNode();
    expectTrue(!/No custom fields found|Can't get custom fields/.test(panel), `${name}: an error shows before a list is chosen`);
    expectTrue(!panel.includes('Mapping Column Mode'), `${name}: the mapper shows before a list is chosen`);
    expectTrue(panel.includes(LABEL), `${name}: the custom-field section has no label saying what it is`);
  }
  return 'no error, a labelled section, before a list is chosen (with and without a credential)';
}
