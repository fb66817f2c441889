import { ApiError, validationError } from '../errors';
import { paginate } from '../paging';
import { route } from '../router';
import type { StoredList } from '../store';
import { listSummaryView, pagedMemberView } from '../views';
import { bodyObject, requireList, type ApiHandler, type RouteContext } from './context';

const EDITABLE_TEXT = [
  'from_name', 'from_email', 'reply_to', 'sub_success_page', 'sub_confirmed_page',
  'unsub_page', 'conf_subject', 'conf_message',
] as const;

const STATUS_COUNT_KEYS: Record<number, string> = {
  1: 'subscribed', 2: 'unsubscribed', 3: 'soft_bounced', 4: 'hard_bounced', 5: 'complained', 6: 'unconfirmed',
};

function allLists(ctx: RouteContext) {
  return { body: [...ctx.store.lists.values()].map(listSummaryView) };
}

/** POST /lists: name, from_name and from_email treated as required [U]; failure carries an `errors` string. */
function createList(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const missing = ['name', 'from_name', 'from_email'].filter((key) => typeof body[key] !== 'string' || body[key] === '');
  if (missing.length) {
    const message = `The ${missing.join(', ')} field(s) are required.`;
    throw new ApiError(422, message, message);
  }
  const list = ctx.store.addList({ name: body.name as string });
  applyListSettings(list, body);
  return { status: 201, body: listSummaryView(list) };
}

function updateList(ctx: RouteContext) {
  const list = requireList(ctx);
  const body = bodyObject(ctx);
  if (typeof body.name !== 'string' || body.name === '') throw new ApiError(422, 'The name field is required.', { name: ['The name field is required.'] });
  list.name = body.name;
  applyListSettings(list, body);
  return { body: listSummaryView(list) };
}

/** GET /lists/{id} (docs/ecomail-api.md §2): wrapped `{list, subscribers}`, `id` as a string like the doc example. */
function showList(ctx: RouteContext) {
  const list = requireList(ctx);
  const counts: Record<string, number> = { unknown: 0, subscribed: 0, unsubscribed: 0, soft_bounced: 0, hard_bounced: 0, complained: 0, unconfirmed: 0 };
  for (const contact of ctx.store.contacts.values()) {
    const membership = contact.lists[list.id];
    if (membership) counts[STATUS_COUNT_KEYS[membership.status] ?? 'unknown']++;
  }
  return {
    body: {
      list: {
        ...listSummaryView(list),
        id: String(list.id),
        custom_fields: structuredClone(list.custom_fields),
        groups: structuredClone(list.groups),
        segments: {},
        active_subscribers: counts.subscribed,
        created: list.created,
      },
      subscribers: counts,
    },
  };
}

/** The listing's `status` filter is a string, default `subscribed` (docs/ecomail-api.md §2); each covers these codes. */
const STATUS_FILTER: Record<string, readonly number[]> = {
  subscribed: [1],
  unsubscribed: [2],
  not_confirmed: [6],
  bounced: [3, 4],
  complained: [5],
};

/** Members of one status filter, ordered by (re)subscription time ascending (the real order is [U]). */
function listMembers(ctx: RouteContext) {
  const list = requireList(ctx);
  const filter = typeof ctx.query.status === 'string' ? ctx.query.status : 'subscribed';
  const statuses = STATUS_FILTER[filter];
  if (!statuses) throw validationError('status', `The status must be one of ${Object.keys(STATUS_FILTER).join(', ')}.`);
  const members = [...ctx.store.contacts.values()]
    .filter((contact) => contact.lists[list.id] && statuses.includes(contact.lists[list.id].status))
    .sort((a, b) => a.lists[list.id].sequence - b.lists[list.id].sequence)
    .map((contact) => pagedMemberView(contact, contact.lists[list.id]));
  const pageUrl = `${ctx.baseUrl}/lists/${list.id}/subscribers`;
  return { body: paginate(members, ctx.query, pageUrl, { defaultPerPage: 20, maxPerPage: 5000 }) };
}

function applyListSettings(list: StoredList, body: Record<string, unknown>): void {
  for (const key of EDITABLE_TEXT) {
    if (typeof body[key] === 'string' || body[key] === null) list[key] = body[key] as string | null;
  }
  if (body.double_optin !== undefined) list.double_optin = body.double_optin === true || body.double_optin === 1;
}

export const listRoutes = [
  route<ApiHandler>('GET', '/lists', allLists),
  route<ApiHandler>('POST', '/lists', createList),
  route<ApiHandler>('GET', '/lists/:id', showList),
  route<ApiHandler>('PUT', '/lists/:id', updateList),
  route<ApiHandler>('GET', '/lists/:id/subscribers', listMembers),
];
