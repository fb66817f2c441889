/**
 * Issue 18 point 3: the Ecomail Trigger (version 2, the one a user adds and the example uses)
 * reads its secret from an Ecomail Webhook API credential, and the setup text says so: no
 * password field with an invisible example secret, "?secret=" followed by that credential's secret.
 */
import { expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';

export async function checkEcomailTriggerSetup(editor: Editor): Promise<string> {
  await editor.openWorkflow('exEcomailEllity1', 2);
  await editor.openNode('Ecomail Trigger');
  const panel = await editor.panelText();
  const passwordFields = await editor.page.$$eval('[data-test-id="node-parameters"] input[type="password"]', (inputs) => inputs.length);
  await editor.screenshot('3-ecomail-trigger-setup');
  const dialog = await editor.newCredentialDialogText();
  await editor.screenshot('3-ecomail-webhook-credential');
  await editor.closeCredentialDialog();
  await editor.closeNode();
  expectTrue(passwordFields === 0, `the panel has ${passwordFields} password field(s): a secret nobody can read`);
  expectTrue(panel.includes('Connect to Ecomail Webhook'), 'the panel does not ask for the Ecomail Webhook credential');
  expectTrue(
    panel.includes("add ?secret= followed by the Webhook Secret of this node's Ecomail Webhook credential"),
    'the setup notice does not say what follows ?secret=',
  );
  expectTrue(dialog.includes('Ecomail Webhook API') && dialog.includes('openssl rand -hex 24'), `the credential dialog does not say how to make a secret: ${dialog}`);
  return 'credential asked for; notice names its secret; dialog says how to make one';
}
