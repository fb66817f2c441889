/**
 * Issue 18 point 8: each imported example says in its first node's note which credentials to
 * create, and references none that do not exist: a node asks plainly for a credential of a type
 * n8n has none of, and takes the existing one otherwise (the check's Ecomail sandbox credential).
 */
import { expectEqual, expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import type { ExampleWorkflow } from '../fixtures';

/** The credential types a node of each type needs, by the names n8n's dialogs show. */
const NEEDS: Record<string, string> = {
  'n8n-nodes-ecomail.ecomail': 'Ecomail API',
  'n8n-nodes-ecomail.ecomailTrigger': 'Ecomail Webhook API',
  'n8n-nodes-ecomail.ellityTrigger': 'Ellity Webhook API',
  'n8n-nodes-ecomail.goOutTrigger': 'GoOut API',
  'n8n-nodes-ecomail.idoSellTrigger': 'IdoSell API',
};

/** Credential references of the imported workflow, as n8n's REST API returns it, to ids n8n lacks. */
async function danglingReferences(editor: Editor, workflowId: string): Promise<string[]> {
  return editor.page.evaluate(async (id) => {
    const workflow = (await (await fetch(`/rest/workflows/${id}`)).json()) as {
      data: { nodes: Array<{ name: string; credentials?: Record<string, { id: string; name: string }> }> };
    };
    const credentials = (await (await fetch('/rest/credentials')).json()) as { data: Array<{ id: string }> };
    const known = new Set(credentials.data.map((c) => c.id));
    return workflow.data.nodes.flatMap((node) =>
      Object.values(node.credentials ?? {})
        .filter((ref) => !ref.id || !known.has(ref.id))
        .map((ref) => `${node.name} → "${ref.name}"`),
    );
  }, workflowId);
}

export async function checkExampleCredentials(editor: Editor, examples: readonly ExampleWorkflow[]): Promise<string> {
  for (const example of examples) {
    const [first] = example.nodes;
    const needed = [...new Set(example.nodes.map((n) => NEEDS[n.type]).filter((name): name is string => name !== undefined))];
    await editor.openWorkflow(example.id, example.nodes.length);
    await editor.openNode(first.name);
    await editor.page.click('[data-test-id="ndv"] #tab-settings, [data-test-id="ndv"] [data-test-id="tab-settings"]').catch(async () => {
      const [tab] = await editor.page.$$('xpath/.//*[@data-test-id="ndv"]//*[normalize-space(text())="Settings"]');
      await tab?.click();
    });
    await editor.settle(500);
    const note = await editor.page.$eval('[data-test-id="ndv"] textarea', (el) => (el as HTMLTextAreaElement).value).catch(() => '');
    await editor.screenshot(`8-${example.id}-note`);
    await editor.closeNode();
    const missing = needed.filter((name) => !note.includes(`"${name}"`));
    expectEqual(missing, [], `${example.name}: credentials its first node's note does not name`);
    const dangling = await danglingReferences(editor, example.id);
    expectEqual(dangling, [], `${example.name}: credentials referenced but not in n8n`);
    for (const node of example.nodes) {
      if (!NEEDS[node.type] || NEEDS[node.type] === 'Ecomail API') continue;
      await editor.openNode(node.name);
      const panel = await editor.panelText();
      await editor.closeNode();
      expectTrue(/Connect to /.test(panel), `${example.name} → ${node.name}: does not ask plainly for its credential`);
    }
  }
  return `${examples.length} examples: notes name their credentials, every node asks for one`;
}
