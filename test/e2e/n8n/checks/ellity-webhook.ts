/**
 * (b) The published Ellity workflow: n8n's production webhook receives the body Ellity sends
 * (ellity.md §4.1, placeholders already replaced), checks the secret in `?key=`, and the Ecomail
 * node writes the ellity_* fields and tracks the event. Calls without the right secret are refused
 * and change nothing.
 */
import type { E2eContext } from '../context';
import { ELLITY_SECRET, WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

const EMAIL = 'vera.kralova@example.cz';
/** Refused calls carry another customer, so any processing of them would show in the sandbox. */
const INTRUDER = 'intruder@example.cz';

/** What the merchant pastes into Ellity, as Ellity sends it after filling the variables. */
const ELLITY_BODY = {
  schema: 'ellity-webhook/1',
  trigger: 'credit_changed',
  eshopId: '456',
  customer: {
    id: '123',
    email: ' Vera.Kralova@Example.cz ',
    credit: '250',
    groupId: '1',
    groupName: 'Retail',
    tierId: '2',
    tierName: 'Gold',
  },
  creditChange: { value: '50' },
};

export async function checkEllityWebhook(context: E2eContext): Promise<string> {
  const url = await productionWebhookUrl(context);
  const post = (key: string | undefined, email: string) =>
    fetch(key === undefined ? url : `${url}?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ELLITY_BODY, customer: { ...ELLITY_BODY.customer, email } }),
      signal: AbortSignal.timeout(15_000),
    });

  const wrong = await post('not-the-secret', INTRUDER);
  const missing = await post(undefined, INTRUDER);
  expectTrue(wrong.status >= 400 && wrong.status < 500, `wrong secret refused with 4xx (got ${wrong.status})`);
  expectTrue(missing.status >= 400 && missing.status < 500, `missing secret refused with 4xx (got ${missing.status})`);

  const accepted = await post(ELLITY_SECRET, ELLITY_BODY.customer.email);
  expectTrue(accepted.ok, `right secret accepted (got ${accepted.status}: ${(await accepted.text()).slice(0, 200)})`);

  const event = await waitFor(() => context.ecomail.state.events().find((e) => e.email === EMAIL), {
    timeoutMs: 30_000,
    what: `the Ecomail tracker event for ${EMAIL}`,
  });
  expectEqual([event.category, event.action, event.label], ['ellity', 'change', 'credit'], 'tracker event');
  expectEqual(JSON.parse(event.value ?? 'null'), { credit: 250, delta: 50 }, 'tracker event value');

  const fields = context.ecomail.state.contact(EMAIL)?.lists['1']?.c_fields ?? {};
  expectEqual(fields.ellity_credit_num, 250, 'ellity_credit_num');
  expectEqual(fields.ellity_tier_name, 'Gold', 'ellity_tier_name');
  expectEqual(fields.ellity_last_change_value, '50', 'ellity_last_change_value');

  // Only the accepted call became an execution; the refused ones reached neither n8n's runs nor Ecomail.
  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(WORKFLOW_IDS.ellityWebhook);
      return rows.some((row) => row.status === 'success') ? rows : undefined;
    },
    { timeoutMs: 15_000, what: 'the successful Ellity execution in n8n' },
  );
  expectEqual(runs.map((row) => `${row.mode}:${row.status}`), ['webhook:success'], 'executions of the Ellity workflow');
  expectTrue(context.ecomail.state.contact(INTRUDER) === undefined, 'refused calls created no contact');
  expectEqual(context.ecomail.state.events().length, 1, 'tracker events (refused calls add none)');
  const ellityFields = Object.keys(fields).filter((key) => key.startsWith('ellity_')).length;
  return `wrong/missing secret → ${wrong.status}/${missing.status}; event ${event.label} + ${ellityFields} ellity_* fields`;
}

/** `<base>/webhook/<path as n8n registered it>` — read from n8n's webhook table, not guessed. */
async function productionWebhookUrl(context: E2eContext): Promise<string> {
  const hook = (await context.db.webhooks(WORKFLOW_IDS.ellityWebhook)).find((row) => row.method === 'POST');
  if (!hook) throw new Error('the Ellity workflow registered no production POST webhook (is it published?)');
  return `${context.n8n.baseUrl}/webhook/${hook.webhookPath}`;
}
