/**
 * Issue 18 point 7: hints that fit the chosen mode, credentials that say what they need, and none
 * of the English slips. The slips are looked for in every text n8n serves the editor for this
 * package's nodes and credentials, the rest in the panels and dialogs themselves.
 */
import { expectEqual, expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import { FRESH_NODES, TRIGGERS } from '../fixtures';

const SLIPS = [/subscribe again contacts/i, /normalis/i, /organis/i, /Unknown Trigger/, /\bellity event\b/, /\$JSON/];

/** Every string in our node and credential descriptions as n8n hands them to the editor. */
async function servedTexts(editor: Editor): Promise<string> {
  return editor.page.evaluate(async () => {
    const [nodes, credentials] = await Promise.all(
      ['/types/nodes.json', '/types/credentials.json'].map(async (path) => (await fetch(path)).json() as Promise<Array<{ name: string }>>),
    );
    const ours = nodes.filter((n) => n.name.startsWith('n8n-nodes-ecomail.'));
    const ourCredentials = credentials.filter((c) => ['ecomailApi', 'ecomailWebhookApi', 'ellityWebhookApi', 'goOutApi'].includes(c.name));
    return JSON.stringify([ours, ourCredentials]);
  });
}

export async function checkHints(editor: Editor): Promise<string> {
  const served = await servedTexts(editor);
  expectTrue(served.includes('n8n-nodes-ecomail.ellityTrigger'), 'n8n served no description of our nodes');
  const slips = SLIPS.filter((slip) => slip.test(served)).map(String);
  expectEqual(slips, [], 'English slips in the texts of our nodes and credentials');

  await editor.openWorkflow(FRESH_NODES.workflowId, 3);
  await editor.openNode(FRESH_NODES.withoutCredential);
  const mapFrom = await editor.tooltipOf('Map From');
  const tags = await editor.tooltipOf('Tags');
  await editor.closeNode();
  expectTrue(mapFrom.length > 20, `Map From has no real description: "${mapFrom}"`);
  expectTrue(!/GoOut/.test(tags), `the Tags hint under Fields Below talks about GoOut: "${tags}"`);

  await editor.openWorkflow(TRIGGERS.workflowId, 3);
  await editor.openNode(TRIGGERS.ellityAll);
  const events = await editor.choicesAfterClicking('[data-test-id="ndv"] [data-test-id="parameter-input-events"] .el-select');
  await editor.screenshot('7-ellity-events');
  const ellityCredential = await editor.newCredentialDialogText();
  await editor.screenshot('7-ellity-credential');
  await editor.closeCredentialDialog();
  await editor.closeNode();
  expectTrue(!events.includes('Unknown Trigger') && events.includes('Other Ellity Event'), `Events offers: ${events.join(', ')}`);
  expectTrue(ellityCredential.includes('openssl rand -hex 24'), 'the Ellity credential gives no way to make a secret');

  await editor.openWorkflow('exGoOutEcomail1', 2);
  await editor.openNode('GoOut Trigger');
  const goout = await editor.newCredentialDialogText();
  await editor.screenshot('7-goout-credential');
  await editor.closeCredentialDialog();
  await editor.closeNode();
  expectTrue(goout.includes('Paste both tokens of one pair'), `the GoOut credential does not say both tokens are needed: ${goout}`);
  expectTrue(/Initial Access Token \*/.test(goout) && /Refresh Token \*/.test(goout), 'the GoOut credential does not mark both tokens required');
  return `Map From: "${mapFrom.slice(0, 60)}…"; no slips in ${served.length} characters`;
}
