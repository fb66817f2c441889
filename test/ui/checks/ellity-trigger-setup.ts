/**
 * Issue 18 point 2: the Ellity Trigger's setup notice is short and names the key as the
 * credential's secret and no event codes; each selected event has its own body, copied with one
 * select-all from its field, valid JSON once Ellity fills in the placeholders, and read by the
 * core's parser as that event.
 */
import { parseEllityWebhook } from '@ecomail-bridge/shared';
import { expectEqual, expectTrue } from '../../e2e/n8n/checks/expect';
import type { Editor } from '../editor';
import { TRIGGERS } from '../fixtures';

/** Events by the names the Events field shows. */
export const ELLITY_EVENTS: Record<string, string> = {
  'Points Changed': 'credit_changed',
  'Points Expiring': 'points_expiring',
  'PIN Changed': 'pin_changed',
  'Tier Changed': 'tier_changed',
};
export const ELLITY_EVENT_CODES = Object.values(ELLITY_EVENTS);

/** What Ellity puts in for each #variable#: plain text, as its webhooks do. */
const FILLED: Record<string, string> = {
  'account.eshopId': '42',
  'customer.id': '1001',
  'customer.email': 'jana@example.cz',
  'customer.credit': '120',
  'customer.group.id': '3',
  'customer.group.name': 'VIP',
  'customer.tier.id': '2',
  'customer.tier.name': 'Gold',
  'customer.nextExpiration.date': '2027-01-31',
  'customer.nextExpiration.value': '40',
  'customer.pin': '4321',
  'creditChange.value': '20',
};

function fillPlaceholders(body: string): string {
  return body.replace(/#([A-Za-z.]+)#/g, (whole, name: string) => {
    const value = FILLED[name];
    if (value === undefined) throw new Error(`the body has a placeholder the check does not know: ${whole}`);
    return value;
  });
}

export async function checkEllityTriggerSetup(editor: Editor): Promise<string> {
  await editor.openWorkflow(TRIGGERS.workflowId, 3);
  await editor.openNode(TRIGGERS.ellityAll);
  const panel = await editor.panelText();
  const notice = await editor.page.$eval('[data-test-id="ndv"] .notice', (el) => (el as HTMLElement).innerText);
  await editor.screenshot('2-ellity-trigger-setup');
  expectTrue(/\?key= and the Webhook Secret of this node's Ellity credential/.test(notice), `the notice does not say what follows ?key=: "${notice}"`);
  expectTrue(!notice.includes('{') && notice.length < 400, `the notice holds the JSON body or is a wall of text (${notice.length} chars)`);
  for (const code of ELLITY_EVENT_CODES) expectTrue(!notice.includes(code), `the notice names the event code ${code}`);

  const bodyLabels = [...panel.matchAll(/^Body for (.+)$/gm)].map((m) => m[1]).sort();
  expectEqual(bodyLabels, Object.keys(ELLITY_EVENTS).sort(), 'one body field per selected event');
  for (const [name, code] of Object.entries(ELLITY_EVENTS)) {
    const copied = await editor.copyJsonField(`body_${code}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fillPlaceholders(copied));
    } catch (error) {
      throw new Error(`the copied body for ${name} is not JSON once filled in: ${(error as Error).message}\n${copied}`);
    }
    const event = parseEllityWebhook(parsed, {});
    expectEqual([event.type, event.email], [code, 'jana@example.cz'], `the core reads the copied ${name} body`);
  }
  await editor.closeNode();

  // With one event selected, only that event's body is offered.
  await editor.openNode(TRIGGERS.ellityOne);
  const single = [...(await editor.panelText()).matchAll(/^Body for (.+)$/gm)].map((m) => m[1]);
  await editor.screenshot('2-ellity-trigger-one-event');
  await editor.closeNode();
  expectEqual(single, ['Points Changed'], 'body fields with only Points Changed selected');
  return `notice ${notice.length} chars; 4 bodies copied and parsed; one event → one body`;
}
