import type { SandboxCall, SandboxContact, SandboxExtEvent } from './types';

/** A `success: false` answer with these messages; nothing of the call is applied. */
export class Refusal extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('; '));
  }
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;
/** The plugin's four for shops, plus OTHER (docs/salesmanago.md §6.2); others are refused. */
const EVENT_TYPES = new Set(['PURCHASE', 'CANCELLATION', 'RETURN', 'CART', 'OTHER']);
/** The caps of docs/salesmanago.md §6.1. The real server's behaviour is unknown: the sandbox refuses, so a client that forgets to cut is caught. */
const CAPS: Record<string, number> = { contactExtEventType: 255, description: 2048, products: 512, location: 255, externalId: 255, shopDomain: 255 };
const DETAIL_CAP = 255;
const MAX_DETAIL = 20;
const VALUE_TEXT_CAP = 22;
const TAG_CAP = 255;
const CONTACT_TEXT = ['name', 'phone', 'company', 'externalId'] as const;
const ADDRESS_TEXT = ['streetAddress', 'zipCode', 'city', 'country'];

interface ParsedUpsert {
  email: string;
  fields: Partial<Record<(typeof CONTACT_TEXT)[number], string>>;
  address: Record<string, string>;
  birthday?: string;
  tags: string[];
  removeTags: string[];
  properties: Record<string, string>;
  consent?: 'opted-in' | 'opted-out';
}

interface ParsedEvent {
  email: string;
  eventId?: string;
  event: Omit<SandboxExtEvent, 'eventId' | 'email' | 'updates'>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readEmail(raw: unknown): string {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!EMAIL_PATTERN.test(email) || email.length > 254) throw new Refusal([`Invalid email: ${String(raw).slice(0, 80)}`]);
  return email;
}

function textList(raw: unknown, name: string): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((tag) => typeof tag !== 'string' || tag.trim() === '' || tag.length > TAG_CAP)) {
    throw new Refusal([`${name} must be a list of non-empty tags of at most ${TAG_CAP} characters`]);
  }
  return [...new Set(raw as string[])];
}

/** Contacts and external events of one account, in memory. */
export class SalesManagoStore {
  readonly contacts = new Map<string, SandboxContact>();
  readonly events = new Map<string, SandboxExtEvent>();
  readonly calls: SandboxCall[] = [];
  readonly blocked = new Set<string>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Reads one upsert (a single call's body or one batch item) without applying it. */
  parseUpsert(item: unknown): ParsedUpsert {
    if (!isRecord(item) || !isRecord(item.contact)) throw new Refusal(['contact is missing']);
    const email = readEmail(item.contact.email);
    if (this.blocked.has(email)) throw new Refusal([`Contact ${email} cannot be saved`]);
    const fields: ParsedUpsert['fields'] = {};
    for (const key of CONTACT_TEXT) {
      const value = item.contact[key];
      if (value !== undefined && typeof value !== 'string') throw new Refusal([`contact.${key} must be text`]);
      if (value?.trim()) fields[key] = value.trim();
    }
    const address: Record<string, string> = {};
    if (item.contact.address !== undefined) {
      if (!isRecord(item.contact.address)) throw new Refusal(['contact.address must be an object']);
      for (const key of ADDRESS_TEXT) {
        const value = item.contact.address[key];
        if (typeof value === 'string' && value.trim()) address[key] = value.trim();
      }
    }
    if (item.birthday !== undefined && !(typeof item.birthday === 'string' && /^(\d{4})?\d{4}$/.test(item.birthday))) {
      throw new Refusal(['birthday must be yyyyMMdd or MMdd']);
    }
    const properties: Record<string, string> = {};
    if (item.properties !== undefined) {
      if (!isRecord(item.properties)) throw new Refusal(['properties must be an object']);
      for (const [key, value] of Object.entries(item.properties)) {
        if (typeof value !== 'string') throw new Refusal([`property ${key} must be text`]);
        properties[key] = value;
      }
    }
    if (item.forceOptIn === true && item.forceOptOut === true) throw new Refusal(['forceOptIn and forceOptOut exclude each other']);
    const consent = item.forceOptIn === true ? 'opted-in' : item.forceOptOut === true ? 'opted-out' : undefined;
    return { email, fields, address, birthday: item.birthday as string | undefined, tags: textList(item.tags, 'tags'), removeTags: textList(item.removeTags, 'removeTags'), properties, consent };
  }

  /** Creates or updates by e-mail: given fields overwrite, tags are added then removed, properties merge. */
  applyUpsert(parsed: ParsedUpsert): SandboxContact {
    const at = this.now();
    let contact = this.contacts.get(parsed.email);
    if (!contact) {
      contact = {
        contactId: this.id(), email: parsed.email, name: null, phone: null, company: null, externalId: null, address: {},
        birthday: null, tags: [], properties: {}, emailConsent: 'none', createdAt: at, modifiedAt: at, upserts: 0,
      };
      this.contacts.set(parsed.email, contact);
    }
    Object.assign(contact, parsed.fields);
    Object.assign(contact.address, parsed.address);
    if (parsed.birthday) contact.birthday = parsed.birthday;
    contact.tags = [...new Set([...contact.tags, ...parsed.tags])].filter((tag) => !parsed.removeTags.includes(tag));
    Object.assign(contact.properties, parsed.properties);
    if (parsed.consent) contact.emailConsent = parsed.consent;
    contact.modifiedAt = at;
    contact.upserts++;
    return contact;
  }

  /**
   * Reads one external event (`email` + `contactEvent`) without applying it; caps are checked,
   * never cut. `creating` names a contact the same call is about to create.
   */
  parseEvent(email: unknown, raw: unknown, creating?: string): ParsedEvent {
    const address = readEmail(email);
    if (!this.contacts.has(address) && address !== creating) throw new Refusal([`Contact ${address} not found`]);
    if (!isRecord(raw)) throw new Refusal(['contactEvent is missing']);
    const problems: string[] = [];
    const text = (key: string, cap: number): string | null => {
      const value = raw[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string') problems.push(`contactEvent.${key} must be text`);
      else if (value.length > cap) problems.push(`contactEvent.${key} exceeds ${cap} characters`);
      return typeof value === 'string' ? value : null;
    };
    const type = text('contactExtEventType', CAPS.contactExtEventType);
    if (type === null || !EVENT_TYPES.has(type)) problems.push(`contactExtEventType ${String(type)} is not a known event type`);
    if (typeof raw.date !== 'number' || !Number.isInteger(raw.date) || raw.date <= 0) problems.push('contactEvent.date must be Unix milliseconds');
    if (raw.value !== undefined && (typeof raw.value !== 'number' || String(raw.value).length > VALUE_TEXT_CAP)) {
      problems.push(`contactEvent.value must be a number of at most ${VALUE_TEXT_CAP} characters`);
    }
    const details: Record<string, string> = {};
    for (const key of Object.keys(raw)) {
      const n = /^detail(\d+)$/.exec(key);
      if (!n) continue;
      if (Number(n[1]) < 1 || Number(n[1]) > MAX_DETAIL) problems.push(`${key} is not a field`);
      const value = text(key, DETAIL_CAP);
      if (value !== null) details[key] = value;
    }
    const fields = {
      description: text('description', CAPS.description),
      products: text('products', CAPS.products),
      location: text('location', CAPS.location),
      externalId: text('externalId', CAPS.externalId),
      shopDomain: text('shopDomain', CAPS.shopDomain),
    };
    let eventId: string | undefined;
    if (raw.eventId !== undefined) {
      const known = typeof raw.eventId === 'string' ? this.events.get(raw.eventId) : undefined;
      if (!known || known.email !== address) problems.push(`Event ${String(raw.eventId).slice(0, 60)} not found for ${address}`);
      else eventId = known.eventId;
    }
    if (problems.length) throw new Refusal(problems);
    return {
      email: address,
      eventId,
      event: { contactExtEventType: type!, date: raw.date as number, value: (raw.value as number | undefined) ?? null, details, ...fields },
    };
  }

  /** Adds the event, or replaces the one its eventId names. */
  applyEvent(parsed: ParsedEvent): SandboxExtEvent {
    const previous = parsed.eventId ? this.events.get(parsed.eventId) : undefined;
    const event: SandboxExtEvent = {
      ...parsed.event,
      eventId: previous?.eventId ?? this.id(),
      email: parsed.email,
      updates: previous ? previous.updates + 1 : 0,
    };
    this.events.set(event.eventId, event);
    return event;
  }

  reset(): void {
    this.contacts.clear();
    this.events.clear();
    this.calls.length = 0;
    this.blocked.clear();
  }

  /** UUID-shaped like SALESmanago's ids, counted so runs repeat. */
  private id(): string {
    return `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`;
  }
}
