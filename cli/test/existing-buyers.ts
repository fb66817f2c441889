/**
 * The tag-keeping scenario of issue 11, for the CLI test and the bench: a GoOut dataset whose
 * buyers partly exist in Ecomail already — in the target list 1 (some unsubscribed), only in list 2,
 * or in both — each with tags of their own. Seeded through the Ecomail API; read back afterwards.
 */
import axios from 'axios';
import type { SandboxCall, SandboxState } from '../../test/sandbox/ecomail';
import type { GoOutSandbox } from '../../test/sandbox/goout';

export const OTHER_LIST = 2;

/** The organiser's purchases a backfill imports, in GoOut's order (the dataset's own rule). */
export function organiserPurchases(goout: GoOutSandbox): Array<{ email: string; consent: boolean }> {
  return goout.state.dataset().importablePurchases().map(({ email, consent }) => ({ email, consent }));
}

export interface ExistingBuyers {
  /** Every seeded contact's tags as Ecomail holds them before the import. */
  tags: Map<string, string[]>;
  inTargetList: number;
  onlyInOtherList: number;
  unsubscribed: number;
}

/**
 * Every `1 / share`-th distinct buyer already exists, in turn: in list 1, only in list 2, in both.
 * Of those in list 1, every `unsubscribeEvery`-th has unsubscribed from it.
 */
export async function seedExistingBuyers(
  ecomail: { url: string; apiKey: string },
  buyers: readonly string[],
  options: { share: number; unsubscribeEvery: number },
): Promise<void> {
  const http = axios.create({ baseURL: ecomail.url, headers: { key: ecomail.apiKey } });
  await http.post('/lists', { name: 'Partners', from_name: 'Bench', from_email: 'bench@example.cz' });
  const existing = [...new Set(buyers)].filter((_, index) => index % Math.round(1 / options.share) === 0);
  const inList1: Array<{ email: string; tags: string[] }> = [];
  const inList2: Array<{ email: string; tags: string[] }> = [];
  existing.forEach((email, index) => {
    const kind = index % 3;
    if (kind !== 1) inList1.push({ email, tags: ['vip', `seed-${index % 5}`] });
    // Tags are contact-wide: writing the contact in list 2 sets the set it ends up with.
    if (kind !== 0) inList2.push({ email, tags: ['partner', `seed-${index % 5}`, ...(kind === 2 ? ['vip'] : [])] });
  });
  for (const [list, rows] of [[1, inList1], [OTHER_LIST, inList2]] as const) {
    for (let start = 0; start < rows.length; start += 3000) {
      await http.post(`/lists/${list}/subscribe-bulk`, { subscriber_data: rows.slice(start, start + 3000), update_existing: true });
    }
  }
  for (let i = 0; i < inList1.length; i += options.unsubscribeEvery) {
    await http.delete('/lists/1/unsubscribe', { data: { email: inList1[i].email } });
  }
}

/** What the seeding left in Ecomail: the truth the import is checked against. */
export function existingBuyers(state: SandboxState): ExistingBuyers {
  const contacts = state.contacts();
  return {
    tags: new Map(contacts.map((contact) => [contact.email, contact.tags])),
    inTargetList: contacts.filter((contact) => contact.lists['1']).length,
    onlyInOtherList: contacts.filter((contact) => !contact.lists['1']).length,
    unsubscribed: contacts.filter((contact) => contact.lists['1']?.status === 2).length,
  };
}

/** Pre-existing tags no longer on their contact, as `email: tag`. */
export function lostTags(state: SandboxState, before: ExistingBuyers): string[] {
  const lost: string[] = [];
  for (const [email, tags] of before.tags) {
    const now = new Set(state.contact(email)?.tags ?? []);
    for (const tag of tags) if (!now.has(tag)) lost.push(`${email}: ${tag}`);
  }
  return lost;
}

/** Calls by `METHOD /path`, with e-mails in the path replaced by `:email`. */
export function callsByEndpoint(calls: readonly SandboxCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    const key = `${call.method} ${call.path.replace(/\/[^/]*(@|%40)[^/]*/i, '/:email')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
