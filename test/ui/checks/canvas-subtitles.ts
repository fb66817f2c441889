/**
 * Issue 18 point 6: canvas subtitles use the names the panel shows, or a short count: never raw
 * event codes or operation values. Checked on every canvas the check opens.
 */
import { expectEqual, expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import { FRESH_NODES, TRIGGERS } from '../fixtures';
import { ELLITY_EVENT_CODES } from './ellity-trigger-setup';

/** Parameter values that must never reach the canvas. */
const RAW_VALUES = [...ELLITY_EVENT_CODES, 'unknown', 'subscribed, unsubscribed', 'upsert', 'contact:', ': contact'];

async function canvasText(editor: Editor): Promise<string> {
  return editor.page.$eval('[data-test-id="canvas"]', (el) => (el as HTMLElement).innerText);
}

export async function checkCanvasSubtitles(editor: Editor, exampleIds: Array<{ id: string; nodes: number }>): Promise<string> {
  await editor.openWorkflow(TRIGGERS.workflowId, 3);
  await editor.screenshot('6-canvas-trigger-subtitles');
  expectEqual(
    [
      await editor.canvasNodeText(TRIGGERS.ellityAll),
      await editor.canvasNodeText(TRIGGERS.ellityOne),
      await editor.canvasNodeText(TRIGGERS.ecomail),
    ],
    [`${TRIGGERS.ellityAll}\n4 events`, `${TRIGGERS.ellityOne}\nPoints Changed`, `${TRIGGERS.ecomail}\n2 events`],
    'trigger names and subtitles on the canvas',
  );
  const seen: string[] = [await canvasText(editor)];
  await editor.openWorkflow(FRESH_NODES.workflowId, 3);
  expectEqual(
    await editor.canvasNodeText(FRESH_NODES.withoutCredential),
    `${FRESH_NODES.withoutCredential}\nCreate or update contact`,
    'the Ecomail node subtitle: the action the Operation field names',
  );
  seen.push(await canvasText(editor));
  for (const { id, nodes } of exampleIds) {
    await editor.openWorkflow(id, nodes);
    await editor.screenshot(`6-canvas-${id}`);
    seen.push(await canvasText(editor));
  }
  const all = seen.join('\n');
  const raw = RAW_VALUES.filter((value) => all.includes(value));
  expectTrue(raw.length === 0, `raw parameter values on the canvas: ${raw.join(', ')}`);
  return `${seen.length} canvases, no raw values`;
}
