/**
 * 7. Bad input: a 10,000-row save with invalid e-mails, over-long tags, oversized custom fields
 * (one of 5 MB) and names in odd Unicode; then empty, broken and 5 MB Ellity webhook bodies.
 * Every refused item must say why; every good one must arrive unchanged.
 */
import { saveContacts, type SubscriberData } from '@ecomail-bridge/shared/node';
import ellityFixture from '../../../n8n-nodes/test/fixtures/ellity-to-ecomail.workflow.json';
import { coreClient } from '../lib/core';
import { deliverWebhook } from '../lib/n8n';
import { startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS } from '../lib/secrets';

const ROWS = 10_000;
const ODD_NAMES = ['Zoë Ťažká', 'Jiří 🎭', 'A\u0308nna', 'עברית', 'Ma\u200Dria', 'Jir\u030Ci', '  Ondřej\t', 'Łukasz', '王小明', 'O\u2019Brien'];

type Bad = { row: SubscriberData; why: RegExp };

function badRow(i: number): Bad | undefined {
  const email = `bad${i}@example.cz`;
  switch (i % 100) {
    case 7:
      return { row: { email: `not-an-email-${i}` }, why: /e-mail/ };
    case 17:
      return { row: { email: `space ${i}@example.cz` }, why: /e-mail/ };
    case 27:
      return { row: { email: '' }, why: /e-mail/ };
    case 37:
      return { row: { email, tags: ['ok', `t${'x'.repeat(60)}`] }, why: /tag/ };
    case 47:
      return { row: { email, custom_fields: { note: 'y'.repeat(6000) } }, why: /custom fields/ };
    default:
      return undefined;
  }
}

export async function badInput(rec: Recorder): Promise<void> {
  const sandbox = await startEcomail();
  try {
    const { client } = coreClient(sandbox);
    const rows: SubscriberData[] = [];
    const bad = new Map<number, RegExp>();
    const good: Array<{ email: string; name: string }> = [];
    for (let i = 0; i < ROWS; i++) {
      const problem = badRow(i);
      if (problem) {
        bad.set(i, problem.why);
        rows.push(problem.row);
        continue;
      }
      const email = `good${i}@example.cz`;
      const name = ODD_NAMES[i % ODD_NAMES.length];
      good.push({ email, name });
      rows.push({ email, name, tags: ['reliability'] });
    }
    // One row with a 5 MB custom field.
    const hugeIndex = rows.length;
    rows.push({ email: 'huge@example.cz', custom_fields: { blob: 'z'.repeat(5 * 1024 * 1024) } });
    bad.set(hugeIndex, /custom fields/);

    const { outcomes } = await saveContacts(client, 1, rows, { mode: 'add-and-update', tagHandling: 'replace' });
    let unexplained = 0;
    outcomes.forEach((outcome, index) => {
      const why = bad.get(index);
      if (!why) {
        if (outcome.status !== 'saved') rec.refuse(`row ${index} (good)`, outcome.reason);
        return;
      }
      const reason = 'reason' in outcome ? outcome.reason : '';
      rec.refuse(`row ${index} ${rows[index].email ? `<${String(rows[index].email).slice(0, 40)}>` : '(no e-mail)'}`, reason || `(${outcome.status}, no reason)`);
      if (outcome.status !== 'rejected' || !why.test(reason)) unexplained++;
    });
    rec.fault('invalid or missing e-mails', [...bad.values()].filter((why) => why.source === 'e-mail').length);
    rec.fault('tags over 50 characters', [...bad.values()].filter((why) => why.source === 'tag').length);
    rec.fault('custom fields over 5,000 characters (one of 5 MB)', [...bad.values()].filter((why) => why.source === 'custom fields').length);
    rec.fault(`distinct odd-Unicode name forms (emoji, combining marks, RTL, ZWJ, CJK) across ${good.length} good rows`, ODD_NAMES.length);
    rec.check('every bad row is refused with the right reason', unexplained === 0, `${unexplained} of ${bad.size} without a matching reason`);
    rec.check('no bad row reached Ecomail', !sandbox.state.contacts().some((contact) => /^bad|^huge/.test(contact.email)));
    const changed = good.filter(({ email, name }) => sandbox.state.contact(email)?.name !== name.trim() && sandbox.state.contact(email)?.name !== name);
    rec.check('odd Unicode names arrive unchanged', changed.length === 0, changed.slice(0, 3).map((c) => `${c.email}: ${JSON.stringify(sandbox.state.contact(c.email)?.name)}`).join('; '));
    rec.tally(compare('contacts', good.map((g) => g.email), sandbox.state.contacts().map((contact) => contact.email)));

    // --- Ellity bodies through the n8n trigger ------------------------------------------------
    const deliver = (body: unknown) =>
      deliverWebhook('ellityTrigger', {
        body,
        query: { key: SECRETS.webhookSecret },
        parameters: { ...ellityFixture.nodes[0].parameters, dedupeSeconds: 0 },
        credentials: { ellityWebhookApi: { secret: SECRETS.webhookSecret } },
        nodeId: 'reliability-bad-input',
      });
    for (const [label, body] of [['empty string', ''], ['empty object', {}], ['undefined', undefined]] as const) {
      const { result } = await deliver(body);
      const status = (result.webhookResponse as { status?: string; reason?: string } | undefined);
      rec.refuse(`Ellity body: ${label}`, JSON.stringify(result.webhookResponse));
      rec.check(`Ellity ${label} body: taken, nothing emitted, reason given`, !result.workflowData && status?.status === 'ignored', JSON.stringify(result.webhookResponse));
    }
    // Plain-text substitution broke the JSON: a quote inside the tier name.
    const broken = '{"schema":"ellity-webhook/1","trigger":"credit_changed","customer":{"id":"9","email":"broken@example.cz","credit":"1 250","tierName":"Gold "VIP""},"creditChange":{"value":"50"}}';
    const brokenResult = (await deliver(broken)).result;
    const emitted = brokenResult.workflowData?.[0][0].json as { email?: string; credit?: number; degraded?: boolean } | undefined;
    rec.check('broken template JSON still yields the event (e-mail and credit recovered)', emitted?.email === 'broken@example.cz' && emitted.credit === 1250,
      JSON.stringify(emitted));
    rec.fault('empty bodies', 3);
    rec.fault('broken JSON from the Ellity template', 1);

    const started = Date.now();
    const huge = `{"schema":"ellity-webhook/1","trigger":"credit_changed","customer":{"email":"five.mb@example.cz","credit":"10","note":"${'a"b '.repeat(1310720)}"}}`;
    const hugeResult = (await deliver(huge)).result;
    rec.fault('5 MB webhook body (broken JSON)', 1);
    rec.note(`5 MB Ellity body answered in ${Date.now() - started} ms with ${JSON.stringify(hugeResult.webhookResponse)}`);
    rec.check('5 MB body is answered (taken or refused with a reason)', hugeResult.webhookResponse !== undefined);
  } finally {
    await sandbox.close();
  }
}
