import { notFound } from './errors';
import { sqlDateTime } from './time';
import type { EcomailStore, StoredContact, StoredList, StoredMembership } from './store';
import type { SubscriberInput } from './validation';

const SUBSCRIBED = 1;
const UNSUBSCRIBED = 2;
const UNCONFIRMED = 6;
/** Statuses in which the list webhook counts a contact as subscribed (DOI fires at sign-up, docs/ecomail-api.md §9.1). */
const ACTIVE = new Set([SUBSCRIBED, UNCONFIRMED]);

export interface UpsertFlags {
  updateExisting: boolean;
  resubscribe: boolean;
  skipConfirmation: boolean;
}

export interface UpsertOutcome {
  contact: StoredContact;
  membership: StoredMembership;
  /** New member of this list (what `inserts` counts). */
  inserted: boolean;
  /** The e-mail was already in the list before this call. */
  alreadySubscribed: boolean;
  /** Went from absent/inactive to subscribed or unconfirmed: the list webhook's SUBSCRIBED. */
  becameSubscribed: boolean;
}

/**
 * Subscribe semantics (docs/ecomail-api.md §3.2): an existing contact is overwritten only with `update_existing`;
 * tags replace the whole set when the key is present; an unsubscribed member stays 2 unless
 * `resubscribe`, and an explicit `status` wins over `resubscribe`.
 */
export function upsertMember(
  store: EcomailStore,
  list: StoredList,
  input: SubscriberInput,
  flags: UpsertFlags,
  now: number,
): UpsertOutcome {
  const known = store.contacts.get(input.email);
  const contact = known ?? store.createContact(input.email, now);
  if (!known || flags.updateExisting) writeContactData(contact, input);
  const freshStatus = flags.skipConfirmation || !list.double_optin ? SUBSCRIBED : UNCONFIRMED;

  const previous = contact.lists[list.id];
  if (!previous) {
    const status = input.status ?? freshStatus;
    const membership: StoredMembership = {
      list_id: list.id,
      status,
      subscribed_at: sqlDateTime(now),
      unsubscribed_at: status === UNSUBSCRIBED ? sqlDateTime(now) : null,
      c_fields: {},
      groups: {},
      source: null,
      sequence: store.nextSequence(),
    };
    writeMembershipData(membership, input);
    contact.lists[list.id] = membership;
    return { contact, membership, inserted: true, alreadySubscribed: false, becameSubscribed: ACTIVE.has(status) };
  }

  if (flags.updateExisting) writeMembershipData(previous, input);
  const before = previous.status;
  // Resubscribing is a status change, not data, so it does not need update_existing [U].
  if (input.status !== undefined) {
    if (flags.updateExisting) setStatus(store, previous, input.status, now);
  } else if (before === UNSUBSCRIBED && flags.resubscribe) {
    setStatus(store, previous, freshStatus, now);
  }
  return {
    contact,
    membership: previous,
    inserted: false,
    alreadySubscribed: true,
    becameSubscribed: !ACTIVE.has(before) && ACTIVE.has(previous.status),
  };
}

/**
 * update-subscriber (docs/ecomail-api.md §3.4/3.5): the contact must be a member of the list. A `status: 1` leaves
 * status 2 only with `allow_resubscribe` (documented for the bulk call; applied to both).
 */
export function updateMember(
  store: EcomailStore,
  list: StoredList,
  input: SubscriberInput,
  allowResubscribe: boolean,
  now: number,
): StoredContact {
  const contact = store.contacts.get(input.email);
  const membership = contact?.lists[list.id];
  if (!contact || !membership) throw notFound('Subscriber not found in this list.');
  writeContactData(contact, input);
  writeMembershipData(membership, input);
  const blocked = membership.status === UNSUBSCRIBED && input.status === SUBSCRIBED && !allowResubscribe;
  if (input.status !== undefined && !blocked) setStatus(store, membership, input.status, now);
  return contact;
}

export function unsubscribeMember(store: EcomailStore, list: StoredList, email: string, now: number): StoredContact {
  const contact = store.contacts.get(email);
  const membership = contact?.lists[list.id];
  if (!contact || !membership) throw notFound('Subscriber not found in this list.');
  setStatus(store, membership, UNSUBSCRIBED, now);
  return contact;
}

function writeContactData(contact: StoredContact, input: SubscriberInput): void {
  Object.assign(contact, input.fields);
  if (input.tags !== undefined) contact.tags = [...input.tags];
}

/** Custom fields merge per key: a key not sent keeps its value. */
function writeMembershipData(membership: StoredMembership, input: SubscriberInput): void {
  if (input.customFields !== undefined) membership.c_fields = { ...membership.c_fields, ...input.customFields };
  if (input.groups !== undefined) membership.groups = structuredClone(input.groups);
  if (input.fields.source !== undefined) membership.source = input.fields.source;
}

function setStatus(store: EcomailStore, membership: StoredMembership, status: number, now: number): void {
  if (membership.status === status) return;
  if (ACTIVE.has(status) && !ACTIVE.has(membership.status)) {
    membership.subscribed_at = sqlDateTime(now);
    membership.unsubscribed_at = null;
    membership.sequence = store.nextSequence();
  }
  if (status === UNSUBSCRIBED) membership.unsubscribed_at = sqlDateTime(now);
  membership.status = status;
}

/**
 * Single subscribe seems to create unknown custom-field keys (docs/ecomail-api.md §5, nopCommerce primes fields that
 * way [V-code C4]); the sandbox adds them to the list catalogue as strings. Bulk does not [U].
 */
export function registerUnknownFields(list: StoredList, customFields: Record<string, unknown> | undefined): void {
  for (const key of Object.keys(customFields ?? {})) {
    if (!(key in list.custom_fields)) list.custom_fields[key] = { type: 'string', name: key };
  }
}
