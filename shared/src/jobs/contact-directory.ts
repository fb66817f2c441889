import type { EcomailClient } from '../ecomail/client';
import { EcomailApiError } from '../ecomail/errors';
import { normalizeEmail } from '../ecomail/validation';
import { eachConcurrently } from './concurrency';

/** `per_page` maximum of the member listing (docs/ecomail-api.md §2). */
export const MEMBER_PAGE_SIZE = 5000;
/** Below this many addresses, reading each contact costs less than any listing could save. */
const LISTING_PAYS_FROM = 100;
const READ_CONCURRENCY = 8;

/**
 * The listing's status filter (a string, default `subscribed`) → the counts of `GET /lists/{id}`
 * that it covers (docs/ecomail-api.md §2). Which filter returns soft bounces is not documented [U].
 */
const STATUS_FILTERS: ReadonlyArray<{ filter: string; counts: readonly string[] }> = [
  { filter: 'subscribed', counts: ['subscribed'] },
  { filter: 'unsubscribed', counts: ['unsubscribed'] },
  { filter: 'not_confirmed', counts: ['unconfirmed'] },
  { filter: 'bounced', counts: ['soft_bounced', 'hard_bounced'] },
  { filter: 'complained', counts: ['complained'] },
];

export interface ExistingTags {
  /** Tags of the addresses that exist in the account (in any list). */
  tags: Map<string, string[]>;
  /** Addresses whose contact could not be read: their rows must not be written blind. */
  failed: Map<string, unknown>;
}

interface ListingPage {
  listId: number;
  filter: string;
  pages: number;
}

/**
 * Which e-mails already exist anywhere in the Ecomail account, so that only those are read before a
 * tag-keeping write (tags are contact-wide, docs/ecomail-api.md §4). For a large batch the member
 * listings of every list (5,000 a page, no tags) are read once and kept for the whole run; a small
 * batch reads each contact instead. A contact the listing missed is still safe: new-looking rows
 * are written with `update_existing: false`, which leaves any existing contact untouched.
 */
export class ContactDirectory {
  private known: Set<string> | null = null;
  /** Tags of the contacts this run created, as it wrote them: no need to read them back. */
  private readonly created = new Map<string, string[]>();

  constructor(private readonly client: EcomailClient) {}

  /** Reads the tags of the contacts among `emails` that exist; the others are new. */
  async existingTags(emails: readonly string[]): Promise<ExistingTags> {
    const candidates = await this.candidates([...new Set(emails.map(normalizeEmail))]);
    const result = await this.readTags(candidates.filter((email) => !this.created.has(email)));
    for (const email of candidates) {
      const tags = this.created.get(email);
      if (tags) result.tags.set(email, tags);
    }
    return result;
  }

  /**
   * A contact this run created (or rewrote after creating it), with the tags it now has. Assumed
   * [A]: while one run lasts, nothing else tags a contact the run itself just created — which is
   * why the job stops trusting this when automations (which may tag new contacts) are on.
   */
  rememberCreated(email: string, tags: readonly string[]): void {
    this.created.set(normalizeEmail(email), [...tags]);
  }

  isCreatedByThisRun(email: string): boolean {
    return this.created.has(normalizeEmail(email));
  }

  /** Reads every one of `emails`, whatever the listing said (for rows that turned out to exist). */
  async readTags(emails: readonly string[]): Promise<ExistingTags> {
    const result: ExistingTags = { tags: new Map(), failed: new Map() };
    await eachConcurrently([...new Set(emails.map(normalizeEmail))], READ_CONCURRENCY, async (email) => {
      try {
        const contact = await this.client.getContact(email);
        if (contact) {
          result.tags.set(email, contact.tags);
          this.known?.add(email);
        } else this.known?.delete(email);
      } catch (error) {
        if (error instanceof EcomailApiError && error.isAuthError) throw error;
        result.failed.set(email, error);
      }
    });
    return result;
  }

  /** Addresses this run has written: later batches must read them before replacing their tags. */
  noteExisting(emails: Iterable<string>): void {
    if (!this.known) return;
    for (const email of emails) this.known.add(normalizeEmail(email));
  }

  private async candidates(addresses: string[]): Promise<string[]> {
    if (!this.known) {
      if (addresses.length < LISTING_PAYS_FROM) return addresses;
      const pages = await this.listingPlan();
      const cost = pages.reduce((sum, page) => sum + page.pages, 0);
      if (cost >= addresses.length) return addresses;
      this.known = await this.readListings(pages);
    }
    const known = this.known;
    return addresses.filter((email) => known.has(email));
  }

  /** The listing calls needed, from each list's status counts (one call per list). */
  private async listingPlan(): Promise<ListingPage[]> {
    const plan: ListingPage[] = [];
    for (const list of await this.client.getLists()) {
      const counts = (await this.client.getList(list.id)).subscriberCounts;
      for (const { filter, counts: keys } of STATUS_FILTERS) {
        const members = keys.reduce((sum, key) => sum + (Number(counts[key]) || 0), 0);
        if (members > 0) plan.push({ listId: list.id, filter, pages: Math.ceil(members / MEMBER_PAGE_SIZE) });
      }
    }
    return plan;
  }

  private async readListings(plan: readonly ListingPage[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const { listId, filter } of plan) {
      for (let page = 1; ; page++) {
        const result = await this.client.listSubscribers(listId, { page, perPage: MEMBER_PAGE_SIZE, status: filter });
        for (const member of result.data) {
          const email = member.email ?? member.subscriber?.email;
          if (typeof email === 'string') known.add(normalizeEmail(email));
        }
        if (page >= result.lastPage || result.data.length < MEMBER_PAGE_SIZE) break;
      }
    }
    return known;
  }
}
