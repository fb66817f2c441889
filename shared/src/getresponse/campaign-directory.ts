import type { GetResponseClient } from './client';
import { GetResponseApiError } from './errors';
import type { GetResponseContact } from './types';

/** Below this many addresses a lookup each is cheaper than listing the campaign. */
const LISTING_THRESHOLD = 100;

/** How a write asks "is this address in the campaign?": null when it is not. */
export type FindContact = (email: string) => Promise<GetResponseContact | null>;

/**
 * Which addresses a campaign holds, for one destination's whole run (docs/getresponse.md §3.2).
 * A batch of many addresses lists the campaign once, 1,000 a page, when that costs fewer calls
 * than one lookup per address; afterwards an address is answered from the listing. Contacts this
 * run created are still queued at GetResponse and absent from any listing: they, and everything
 * in small batches, are looked up one by one. A contact another writer adds after the listing
 * makes our create answer 409, which the write turns into an update.
 */
export class CampaignDirectory {
  private listed?: Map<string, GetResponseContact>;
  /** The campaign was too large to list for a batch once: it is not tried again. */
  private declined = false;
  private readonly createdHere = new Set<string>();

  constructor(
    private readonly client: GetResponseClient,
    private readonly campaignId: string,
  ) {}

  /** The lookup for a batch of these addresses: from the listing when it pays, else one call each. */
  async finderFor(emails: readonly string[]): Promise<FindContact> {
    const lookUp: FindContact = (email) => this.client.findContact(this.campaignId, email);
    if (!this.listed && !this.declined && emails.length >= LISTING_THRESHOLD) {
      try {
        this.listed = await this.list(emails.length);
        this.declined = !this.listed;
      } catch (error) {
        // Without the listing each address is looked up; those lookups report their own failures.
        if (error instanceof GetResponseApiError && error.isAuthError) throw error;
      }
    }
    const listed = this.listed;
    if (!listed) return lookUp;
    return async (email) => (this.createdHere.has(email) ? lookUp(email) : (listed.get(email) ?? null));
  }

  /** A contact this run created or imported: not in the listing, so it is looked up when written again. */
  noteCreated(email: string): void {
    this.createdHere.add(email);
  }

  /** Every contact of the campaign, or undefined when that takes more calls than `budget` lookups. */
  private async list(budget: number): Promise<Map<string, GetResponseContact> | undefined> {
    const contacts = new Map<string, GetResponseContact>();
    for (let page = 1; ; page++) {
      const reply = await this.client.contactsPage(this.campaignId, page);
      if (page === 1 && reply.totalPages > budget) return undefined;
      for (const contact of reply.contacts) contacts.set(contact.email.toLowerCase(), contact);
      if (page >= reply.totalPages || reply.contacts.length === 0) return contacts;
    }
  }
}
