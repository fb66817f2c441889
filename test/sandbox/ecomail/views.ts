import { CONTACT_FIELDS, type StoredContact, type StoredList, type StoredMembership } from './store';
import { isoMicros } from './time';
import type { SandboxContact, SandboxMembership } from './types';

/** Shapes of the API answers, built from stored data (field names after the spec's examples). */

/** Core contact object: reply of subscribe and update-subscriber (docs/ecomail-api.md §3.2, docs/ecomail-api.md §3.4). */
export function coreContactView(contact: StoredContact): Record<string, unknown> {
  return {
    id: contact.id,
    name: contact.name,
    surname: contact.surname,
    email: contact.email,
    gender: contact.gender,
    bounce_soft: contact.bounce_soft,
    bounced_hard: contact.bounced_hard,
    bounce_message: contact.bounce_message,
    inserted_at: contact.inserted_at,
  };
}

/** Contact across all lists (`GET /subscribers/{email}`, docs/ecomail-api.md §3.7); also what `state.contacts()` returns. */
export function accountContactView(contact: StoredContact): SandboxContact {
  const lists: Record<string, SandboxMembership> = {};
  for (const [id, membership] of Object.entries(contact.lists)) lists[id] = membershipView(membership);
  return { ...structuredClone(contact), lists };
}

/** Contact as member of one list (`GET /lists/{id}/subscriber/{email}`, docs/ecomail-api.md §3.6): ISO dates there. */
export function listMemberView(contact: StoredContact, membership: StoredMembership): Record<string, unknown> {
  const fields = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, contact[field]]));
  return {
    id: contact.id,
    email: contact.email,
    ...fields,
    tags: [...contact.tags],
    list_id: membership.list_id,
    status: membership.status,
    subscribed_at: isoMicros(membership.subscribed_at),
    unsubscribed_at: isoMicros(membership.unsubscribed_at),
    rating: null,
    custom_fields: structuredClone(membership.c_fields),
    groups: structuredClone(membership.groups),
  };
}

/** Item of the paged `GET /lists/{id}/subscribers` (docs/ecomail-api.md §2). */
export function pagedMemberView(contact: StoredContact, membership: StoredMembership): Record<string, unknown> {
  return {
    id: contact.id,
    list_id: membership.list_id,
    email: contact.email,
    name: contact.name,
    surname: contact.surname,
    status: membership.status,
    sms_status: null,
    subscribed_at: membership.subscribed_at,
    unsubscribed_at: membership.unsubscribed_at,
    last_activity_at: null,
    custom_fields: structuredClone(membership.c_fields),
  };
}

/** Reply of `DELETE /lists/{id}/unsubscribe` (docs/ecomail-api.md §3.8): the membership with status 2. */
export function unsubscribeView(contact: StoredContact, membership: StoredMembership): Record<string, unknown> {
  return { id: contact.id, email: contact.email, ...membershipView(membership) };
}

/** List object of `GET /lists` (docs/ecomail-api.md §2). */
export function listSummaryView(list: StoredList): Record<string, unknown> {
  return {
    id: list.id,
    name: list.name,
    from_name: list.from_name,
    from_email: list.from_email,
    reply_to: list.reply_to,
    double_optin: list.double_optin,
    sub_success_page: list.sub_success_page,
    sub_confirmed_page: list.sub_confirmed_page,
    unsub_page: list.unsub_page,
    conf_subject: list.conf_subject,
    conf_message: list.conf_message,
  };
}

function membershipView(membership: StoredMembership): SandboxMembership {
  const { sequence: _internal, ...visible } = membership;
  return structuredClone(visible);
}
