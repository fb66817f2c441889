/** Issue 18 point 1: the Ellity node's Status hint gives no broken `$JSON` expression. */
import { expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';

export async function checkEllityStatusHint(editor: Editor): Promise<string> {
  await editor.openWorkflow('exEcomailEllity1', 2);
  await editor.openNode('Ellity');
  const panel = await editor.panelText();
  const hint = await editor.tooltipOf('Status');
  await editor.screenshot('1-ellity-status-hint');
  await editor.closeNode();
  expectTrue(!panel.includes('$JSON') && !hint.includes('$JSON'), `the Ellity panel shows "$JSON": ${hint}`);
  expectTrue(hint.includes('Expression'), `the Status hint does not say to switch to Expression: "${hint}"`);
  return `hint: "${hint}"`;
}
