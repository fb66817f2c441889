import { czechDate, sqlDateTime } from './time';
import type {
  CustomFieldDefinition,
  SandboxCall,
  SandboxContact,
  SandboxEvent,
  SandboxListOption,
  SandboxMembership,
  SandboxPipelineTrigger,
  SandboxTransaction,
} from './types';

/** Contact-level text fields that subscriber_data may carry (docs/ecomail-api.md §3.2). */
export const CONTACT_FIELDS = [
  'name', 'surname', 'gender', 'company', 'city', 'street', 'zip', 'country', 'phone',
  'pretitle', 'surtitle', 'birthday', 'nameday', 'source', 'vokativ', 'vokativ_s',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ListGroup {
  id: string;
  name: string;
  type: string;
  category: { id: string; name: string }[];
}

export interface StoredList {
  id: number;
  name: string;
  from_name: string | null;
  from_email: string | null;
  reply_to: string | null;
  double_optin: boolean;
  sub_success_page: string | null;
  sub_confirmed_page: string | null;
  unsub_page: string | null;
  conf_subject: string | null;
  conf_message: string | null;
  custom_fields: Record<string, CustomFieldDefinition>;
  groups: Record<string, ListGroup>;
  created: string;
}

/** `sequence` is sandbox-only: the order of (re)subscription, used to sort member pages. */
export interface StoredMembership extends SandboxMembership {
  sequence: number;
}

export interface StoredContact extends Omit<SandboxContact, 'lists'> {
  lists: Record<string, StoredMembership>;
}

export interface Pipeline {
  id: number;
  name: string;
}

/** Field catalogue of the default list: the merge keys our GoOut and Ellity mappings write. */
const DEFAULT_CUSTOM_FIELDS: Record<string, CustomFieldDefinition> = {
  goout_last_event: { type: 'string', name: 'Last GoOut event' },
  goout_last_event_start: { type: 'string', name: 'Last GoOut event start' },
  goout_last_purchase: { type: 'string', name: 'Last GoOut purchase' },
  ellity_credit_num: { type: 'int', name: 'Loyalty points' },
  ellity_pin: { type: 'string', name: 'Loyalty card PIN' },
  ellity_next_expiration_date: { type: 'string', name: 'Next points expiration' },
};

const DEFAULT_GROUPS: Record<string, ListGroup> = {
  grp_5f1a2b3c4d5e6: {
    id: 'grp_5f1a2b3c4d5e6', name: 'Interests', type: 'select',
    category: [{ id: 'c1Thtr', name: 'Theatre' }, { id: 'c2Cnct', name: 'Concerts' }],
  },
};

const SEED_PIPELINES: Pipeline[] = [
  { id: 1, name: 'Welcome series' },
  { id: 2, name: 'After ticket purchase' },
];

/** All sandbox data, in memory. Routes mutate it; `state` reads copies of it. */
export class EcomailStore {
  readonly lists = new Map<number, StoredList>();
  readonly contacts = new Map<string, StoredContact>();
  readonly pipelines: readonly Pipeline[] = SEED_PIPELINES;
  /** Keyed by order_id: a repeated order replaces the stored one (duplicates stay visible in calls). */
  readonly transactions = new Map<string, SandboxTransaction>();
  events: SandboxEvent[] = [];
  pipelineTriggers: SandboxPipelineTrigger[] = [];
  calls: SandboxCall[] = [];
  private nextContactId = 884_001;
  private nextEventId = 1;
  private nextTransactionId = 1;
  private sequence = 0;

  constructor(lists: SandboxListOption[] | undefined) {
    const seeds = lists ?? [{ id: 1, name: 'Newsletter', customFields: DEFAULT_CUSTOM_FIELDS }];
    for (const seed of seeds) {
      this.addList({
        id: seed.id,
        name: seed.name,
        double_optin: seed.doubleOptin ?? false,
        custom_fields: { ...(seed.customFields ?? {}) },
        groups: lists ? {} : structuredClone(DEFAULT_GROUPS),
      });
    }
  }

  addList(input: Partial<StoredList> & { name: string }): StoredList {
    const id = input.id ?? Math.max(0, ...this.lists.keys()) + 1;
    if (this.lists.has(id)) throw new RangeError(`duplicate sandbox list id ${id}`);
    const list: StoredList = {
      id,
      name: input.name,
      from_name: input.from_name ?? null,
      from_email: input.from_email ?? null,
      reply_to: input.reply_to ?? null,
      double_optin: input.double_optin ?? false,
      sub_success_page: input.sub_success_page ?? null,
      sub_confirmed_page: input.sub_confirmed_page ?? null,
      unsub_page: input.unsub_page ?? null,
      conf_subject: input.conf_subject ?? null,
      conf_message: input.conf_message ?? null,
      custom_fields: input.custom_fields ?? {},
      groups: input.groups ?? {},
      created: czechDate(Date.now()),
    };
    this.lists.set(id, list);
    return list;
  }

  createContact(email: string, now: number): StoredContact {
    const contact: StoredContact = {
      id: this.nextContactId++,
      email,
      ...(Object.fromEntries(CONTACT_FIELDS.map((field) => [field, null])) as Record<ContactField, null>),
      tags: [],
      inserted_at: sqlDateTime(now),
      bounce_soft: 0,
      bounced_hard: 0,
      bounce_message: null,
      lists: {},
    };
    this.contacts.set(email, contact);
    return contact;
  }

  nextSequence(): number {
    return ++this.sequence;
  }

  takeEventId(): number {
    return this.nextEventId++;
  }

  takeTransactionId(): number {
    return this.nextTransactionId++;
  }

  reset(): void {
    this.contacts.clear();
    this.transactions.clear();
    this.events = [];
    this.pipelineTriggers = [];
    this.calls = [];
  }
}
