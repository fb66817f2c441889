/** What `npm start` prints: counts, a sample of contacts as Ecomail stored them, Ellity events. */
import type { Contact, GoOutPurchase } from '@ecomail-bridge/shared';
import { table } from './table';
import type { EllityRun, PollRun } from './workflows';

export interface GoOutSummary {
  polls: PollRun[];
  /** Contacts in the list before and after (Ecomail's own count). */
  listTotalBefore: number;
  listTotalAfter: number;
  /** Sample buyers as Ecomail returns them after the run, with the purchase they came from. */
  samples: Array<{ purchase: GoOutPurchase; contact: Contact | null }>;
  orders: boolean;
}

const dash = (text: string | null | undefined) => (text && text.trim() !== '' ? text : '—');

export function gooutSection(summary: GoOutSummary): string {
  const lines: string[] = [];
  summary.polls.forEach((poll, i) => {
    const sent = poll.outcomes.filter((o) => o.status === 'sent').length;
    const failed = poll.outcomes.filter((o) => o.status === 'failed').length;
    const buyers = new Set(poll.purchases.map((p) => p.buyer.email)).size;
    const what = i === 0 ? 'first poll (backfill)' : 'next poll (only purchases made since)';
    lines.push(
      `  GoOut ${what}: ${poll.purchases.length} purchases by ${buyers} buyers → Ecomail node: ${sent} sent` +
        `${failed ? `, ${failed} failed` : ''}${summary.orders && sent ? `, ${sent} orders` : ''}`,
    );
  });
  const written = summary.polls.reduce((n, poll) => n + poll.outcomes.filter((o) => o.status === 'sent').length, 0);
  const created = summary.listTotalAfter - summary.listTotalBefore;
  lines.push(`  Contacts: ${created} created, ${Math.max(0, written - created)} updated (returning buyers, contacts already in the list)`);
  lines.push('');
  lines.push(
    table(
      ['Typed at checkout', 'Stored in Ecomail', 'Vocative (name / surname)', 'Name day', 'Gender', 'Tags'],
      summary.samples.map(({ purchase, contact }) => [
        `${purchase.buyer.firstName ?? ''} ${purchase.buyer.lastName ?? ''}`.trim(),
        contact ? [contact.pretitle, contact.name, contact.surname, contact.surtitle].filter((part) => typeof part === 'string' && part !== '').join(' ') : '(not found)',
        contact?.vokativ ? `${contact.vokativ} / ${dash(contact.vokativ_s)}` : '—',
        dash(contact?.nameday),
        dash(contact?.gender),
        contact?.tags.join(', ') || '—',
      ]),
    ),
  );
  return lines.join('\n');
}

export function ellitySection(runs: readonly EllityRun[], contacts: ReadonlyMap<string, Contact | null>, listId: string): string {
  const rows = runs.map((run) => {
    const sent = JSON.parse(run.delivery.body) as { customer: { email: string } };
    const email = run.outcome?.email ?? sent.customer.email;
    if (!run.outcome) return [run.delivery.trigger, email, 'dropped: duplicate delivery', '—'];
    const fields = contacts.get(email)?.lists[listId]?.c_fields ?? {};
    const ellityFields = Object.entries(fields)
      // The *_num twins repeat the number for segments; one copy is enough to read.
      .filter(([key, value]) => key.startsWith('ellity_') && !key.endsWith('_num') && value !== null && value !== '')
      .map(([key, value]) => `${key.replace(/^ellity_/, '')}=${shown(value)}`);
    const tracked = run.outcome.event;
    return [
      run.delivery.trigger,
      email,
      run.outcome.status === 'sent' ? (tracked ? `fields + event ellity/change/${tracked}` : 'fields') : `failed: ${run.outcome.error}`,
      ellityFields.join(', ') || '—',
    ];
  });
  return table(['Ellity webhook', 'Contact', 'Written to Ecomail', 'ellity_* fields now'], rows);
}

/** Typed values ({value, type: 'date'}) show their value. */
function shown(value: unknown): string {
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Ecomail calls by kind, from the sandbox's request log. */
export function callsLine(paths: readonly string[]): string {
  const kinds: Array<[string, RegExp]> = [
    ['bulk subscribe', /\/subscribe-bulk$/],
    ['single subscribe', /\/subscribe$/],
    ['contact reads (keeping tags)', /^\/subscribers\//],
    ['orders', /^\/tracker\/transaction/],
    ['events', /^\/tracker\/events/],
    ['field updates', /\/update-subscriber$/],
  ];
  const counted = kinds.map(([name, pattern]) => [name, paths.filter((p) => pattern.test(p)).length] as const).filter(([, n]) => n > 0);
  const other = paths.length - counted.reduce((sum, [, n]) => sum + n, 0);
  return `Ecomail API calls: ${paths.length} (${[...counted.map(([name, n]) => `${n} ${name}`), ...(other ? [`${other} other`] : [])].join(', ')})`;
}
