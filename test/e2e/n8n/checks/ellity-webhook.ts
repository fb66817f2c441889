/**
 * (b) The published Ellity workflow: n8n's production webhook receives the body Ellity sends
 * (docs/ellity.md §4.1, placeholders already replaced), checks the secret in `?key=`, and the Ecomail
 * node writes the ellity_* fields and tracks the event. Every content type reaches the node's
 * lenient reader with the raw bytes — broken JSON labelled application/json and a body without any
 * content type included — and each accepted call is answered {"status":"ok"}. Calls without the
 * right secret are refused and change nothing.
 */
import type { E2eContext } from '../context';
import { ELLITY_SECRET, WORKFLOW_IDS } from '../fixtures';
import { postRaw } from '../http-post';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

/** A list member since check (a): Ellity events update members and subscribe nobody. */
const EMAIL = 'jana.novakova@example.cz';
/** Refused calls carry another customer, so any processing of them would show in the sandbox. */
const INTRUDER = 'intruder@example.cz';

/** What the merchant pastes into Ellity, as Ellity sends it after filling the variables. */
function ellityBody(email: string, credit: number): Record<string, unknown> {
  return {
    schema: 'ellity-webhook/1',
    trigger: 'credit_changed',
    eshopId: '456',
    customer: {
      id: '123',
      email,
      credit: String(credit),
      groupId: '1',
      groupName: 'Retail',
      tierId: '2',
      tierName: 'Gold',
    },
    creditChange: { value: '10' },
  };
}

/** Each delivery changes the balance, so none is folded as a repeat of the one before. */
const DELIVERIES: Array<{ what: string; credit: number; contentType: string | undefined; body: (credit: number) => string }> = [
  { what: 'JSON as application/json', credit: 250, contentType: 'application/json', body: (c) => JSON.stringify(ellityBody(' Jana.Novakova@Example.cz ', c)) },
  {
    what: 'JSON broken by a substituted quote, as application/json',
    credit: 260,
    contentType: 'application/json',
    body: (c) => JSON.stringify(ellityBody(EMAIL, c)).replace('"groupName":"Retail"', '"groupName":"Retail "VIP""'),
  },
  { what: 'JSON as text/plain', credit: 270, contentType: 'text/plain', body: (c) => JSON.stringify(ellityBody(EMAIL, c)) },
  {
    what: 'JSON as application/x-www-form-urlencoded',
    credit: 280,
    contentType: 'application/x-www-form-urlencoded',
    body: (c) => JSON.stringify(ellityBody(EMAIL, c)),
  },
  { what: 'JSON with no content type', credit: 290, contentType: undefined, body: (c) => JSON.stringify(ellityBody(EMAIL, c)) },
  {
    what: 'form fields',
    credit: 300,
    contentType: 'application/x-www-form-urlencoded',
    body: (c) => new URLSearchParams({ trigger: 'credit_changed', email: EMAIL, credit: String(c), delta: '10' }).toString(),
  },
];

export async function checkEllityWebhook(context: E2eContext): Promise<string> {
  const url = await productionWebhookUrl(context);
  const intruderBody = JSON.stringify(ellityBody(INTRUDER, 100));
  const wrong = await postRaw(`${url}?key=not-the-secret`, intruderBody, 'application/json');
  const missing = await postRaw(url, intruderBody, 'application/json');
  expectEqual([wrong.status, missing.status], [401, 401], 'wrong and missing secret refused');

  const answers: string[] = [];
  for (const delivery of DELIVERIES) {
    const answer = await postRaw(`${url}?key=${encodeURIComponent(ELLITY_SECRET)}`, delivery.body(delivery.credit), delivery.contentType);
    expectEqual([answer.status, answer.body], [200, '{"status":"ok"}'], `answer to ${delivery.what}`);
    answers.push(answer.body);
    // One at a time, so the fields show the last delivery and a lost one is named.
    await waitFor(() => creditsTracked(context).includes(delivery.credit) || undefined, {
      timeoutMs: 30_000,
      what: `the Ecomail tracker event of ${delivery.what} (credit ${delivery.credit})`,
    });
  }
  expectEqual(creditsTracked(context), DELIVERIES.map((d) => d.credit), 'credits of the tracked events, one per delivery');
  const event = context.ecomail.state.events()[0];
  expectEqual([event.category, event.action, event.label], ['ellity', 'change', 'credit'], 'tracker event');
  expectEqual(JSON.parse(event.value ?? 'null'), { credit: 250, delta: 10 }, 'value of the first tracker event');

  const fields = context.ecomail.state.contact(EMAIL)?.lists['1']?.c_fields ?? {};
  expectEqual(fields.ellity_credit_num, 300, 'ellity_credit_num after the last delivery');
  expectEqual(fields.ellity_last_change_value, '10', 'ellity_last_change_value');

  // Only the accepted calls became executions; the refused ones reached neither n8n's runs nor Ecomail.
  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(WORKFLOW_IDS.ellityWebhook);
      return rows.length === DELIVERIES.length && rows.every((row) => row.status === 'success') ? rows : undefined;
    },
    { timeoutMs: 15_000, what: `${DELIVERIES.length} successful Ellity executions in n8n` },
  );
  expectEqual(runs.map((row) => `${row.mode}:${row.status}`), DELIVERIES.map(() => 'webhook:success'), 'executions of the Ellity workflow');
  expectTrue(context.ecomail.state.contact(INTRUDER) === undefined, 'refused calls created no contact');
  return `wrong/missing secret → ${wrong.status}/${missing.status}; ${DELIVERIES.length} content types → ${answers[0]} and a tracked event each`;
}

/** Credits of the tracker events for EMAIL, in arrival order. */
function creditsTracked(context: E2eContext): number[] {
  return context.ecomail.state
    .events()
    .filter((e) => e.email === EMAIL)
    .map((e) => (JSON.parse(e.value ?? '{}') as { credit?: number }).credit ?? NaN);
}

/** `<base>/webhook/<path as n8n registered it>` — read from n8n's webhook table, not guessed. */
async function productionWebhookUrl(context: E2eContext): Promise<string> {
  const hook = (await context.db.webhooks(WORKFLOW_IDS.ellityWebhook)).find((row) => row.method === 'POST');
  if (!hook) throw new Error('the Ellity workflow registered no production POST webhook (is it published?)');
  return `${context.n8n.baseUrl}/webhook/${hook.webhookPath}`;
}
