import type { ImportConfig, SandboxCampaignOption, SandboxCall, SandboxCustomFieldOption } from './types';

export interface StoredCampaign {
  campaignId: string;
  name: string;
  createdOn: string;
}

export interface StoredTag {
  tagId: string;
  name: string;
  createdAt: string;
}

export interface StoredField {
  customFieldId: string;
  name: string;
  type: string;
  format: string;
  hidden: 'true' | 'false';
  values: string[];
}

export interface StoredContact {
  contactId: string;
  email: string;
  campaignId: string;
  name: string | null;
  tagIds: string[];
  /** Field id → values. */
  fields: Map<string, string[]>;
  dayOfCycle: string | null;
  origin: 'api' | 'import' | 'other-writer';
  createdOn: string;
  changedOn: string | null;
  /** Clock time from which searches show it (202: queued until then). */
  visibleAt: number;
}

export interface StoredImport {
  importId: string;
  campaignId: string;
  state: 'uploaded' | 'finished' | 'rejected';
  fieldMapping: string[];
  rows: string[][];
  createdAt: number;
  finishAt: number;
  finishedOn: string | null;
  statistics: { uploaded: number; invalid: number; updated: number; addedToList: number };
  /** Reads left that show empty statistics after finishing. */
  incompleteReads: number;
}

export const DEFAULT_CAMPAIGNS: SandboxCampaignOption[] = [
  { campaignId: 'A1b2C', name: 'goout_buyers' },
  { campaignId: 'D3e4F', name: 'newsletter' },
];

/** A few of the fields GetResponse accounts come with [U: the full predefined set is not in the reference]. */
export const DEFAULT_FIELDS: SandboxCustomFieldOption[] = [
  { name: 'city', type: 'text' },
  { name: 'company', type: 'text' },
  { name: 'street', type: 'text' },
  { name: 'postal_code', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'phone', type: 'phone', format: 'phone' },
  { name: 'birthdate', type: 'date', format: 'date' },
];

export const DEFAULT_IMPORTS: ImportConfig = { delayMs: 0, reject: false, dailyLimit: 20, incompleteStatisticsPolls: 0 };

/** The account's whole state, in memory. */
export class GetResponseStore {
  campaigns = new Map<string, StoredCampaign>();
  tags = new Map<string, StoredTag>();
  fields = new Map<string, StoredField>();
  contacts = new Map<string, StoredContact>();
  /** `campaignId\0email` → contact id: GetResponse keeps one contact per e-mail and list. */
  private readonly byMembership = new Map<string, string>();
  imports = new Map<string, StoredImport>();
  calls: SandboxCall[] = [];
  /** `email\0campaignId` of creates that lose a race. */
  races = new Set<string>();
  private counter = 0;

  constructor(
    private readonly seedCampaigns: SandboxCampaignOption[],
    private readonly seedFields: SandboxCustomFieldOption[],
  ) {
    this.reset();
  }

  /** GetResponse ids are short case-sensitive strings; these are deterministic per store. */
  nextId(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter.toString(36)}`;
  }

  reset(): void {
    this.counter = 0;
    this.campaigns.clear();
    this.tags.clear();
    this.fields.clear();
    this.contacts.clear();
    this.byMembership.clear();
    this.imports.clear();
    this.calls = [];
    this.races.clear();
    const created = '2026-01-05T09:00:00+0000';
    for (const campaign of this.seedCampaigns) {
      const campaignId = campaign.campaignId ?? this.nextId('C');
      this.campaigns.set(campaignId, { campaignId, name: campaign.name, createdOn: created });
    }
    for (const field of this.seedFields) this.addField({ ...field, format: field.format ?? field.type, hidden: 'false', values: field.values ?? [] });
  }

  addField(field: Omit<StoredField, 'customFieldId'>): StoredField {
    const stored = { customFieldId: this.nextId('F'), ...field };
    this.fields.set(stored.customFieldId, stored);
    return stored;
  }

  fieldByName(name: string): StoredField | undefined {
    return [...this.fields.values()].find((field) => field.name === name);
  }

  /** Tag names are unique regardless of case [A]. */
  tagByName(name: string): StoredTag | undefined {
    const folded = name.toLowerCase();
    return [...this.tags.values()].find((tag) => tag.name.toLowerCase() === folded);
  }

  /** The contact of this e-mail in the campaign, queued ones included. */
  member(campaignId: string, email: string): StoredContact | undefined {
    const id = this.byMembership.get(`${campaignId}\u0000${email.toLowerCase()}`);
    return id === undefined ? undefined : this.contacts.get(id);
  }

  put(contact: StoredContact): void {
    this.contacts.set(contact.contactId, contact);
    this.byMembership.set(`${contact.campaignId}\u0000${contact.email}`, contact.contactId);
  }

  /** Moving a contact to another list moves its history too (docs/getresponse.md §3.5). */
  move(contact: StoredContact, campaignId: string): void {
    this.byMembership.delete(`${contact.campaignId}\u0000${contact.email}`);
    contact.campaignId = campaignId;
    this.byMembership.set(`${campaignId}\u0000${contact.email}`, contact.contactId);
  }
}
