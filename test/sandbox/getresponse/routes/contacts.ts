import { route } from '../../ecomail/router';
import { conflict, invalid } from '../errors';
import type { StoredContact } from '../store';
import { isRecord, readDayOfCycle, readEmail, readFieldValues, readName, readTagIds } from '../validation';
import { contactDetailView, contactListView, grDate } from '../views';
import { bodyObject, paged, queryText, requireContact, type ApiHandler, type RouteContext } from './context';

/**
 * The contact search (docs/getresponse.md §3.2): only processed contacts, `query[email]` with
 * `additionalFlags=exactMatch` exact (ignoring case), without it a LIKE match on part of the address.
 */
function search(ctx: RouteContext) {
  const email = queryText(ctx, 'query[email]')?.toLowerCase();
  const campaignId = queryText(ctx, 'query[campaignId]');
  const exact = queryText(ctx, 'additionalFlags')?.split(',').includes('exactMatch') === true;
  if (exact && email !== undefined && campaignId !== undefined) {
    const member = ctx.store.member(campaignId, email);
    return paged(ctx, member && ctx.now >= member.visibleAt ? [contactListView(ctx.store, ctx.baseUrl, member)] : []);
  }
  const rows = [...ctx.store.contacts.values()].filter(
    (contact) =>
      ctx.now >= contact.visibleAt &&
      (campaignId === undefined || contact.campaignId === campaignId) &&
      (email === undefined || (exact ? contact.email === email : contact.email.includes(email))),
  );
  return paged(ctx, rows.map((contact) => contactListView(ctx.store, ctx.baseUrl, contact)));
}

function readCampaignId(ctx: RouteContext, raw: unknown): string {
  const campaignId = isRecord(raw) ? raw.campaignId : undefined;
  if (typeof campaignId !== 'string' || campaignId === '') throw invalid('campaign.campaignId', 'Value is required');
  if (!ctx.store.campaigns.has(campaignId)) throw invalid('campaign.campaignId', `Campaign ${campaignId} does not exist`);
  return campaignId;
}

/**
 * `POST /contacts` (§3.1): 202 with an empty body, the contact queued until `createDelayMs` has
 * passed; 409 when the address is already in the list, queued ones included [A]. A create of an
 * address marked with loseRaceFor() finds "another writer" adding it first.
 */
function create(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const email = readEmail(body.email);
  const campaignId = readCampaignId(ctx, body.campaign);
  const name = readName(body.name) ?? null;
  const dayOfCycle = readDayOfCycle(body.dayOfCycle) ?? null;
  const tagIds = body.tags === undefined ? [] : readTagIds(ctx.store, body.tags);
  const fields = body.customFieldValues === undefined ? new Map<string, string[]>() : readFieldValues(ctx.store, body.customFieldValues);
  const raceKey = `${email}\u0000${campaignId}`;
  if (ctx.store.races.delete(raceKey)) {
    ctx.store.put(newContact(ctx, { email, campaignId, name: 'Another Writer', tagIds: [], fields: new Map(), dayOfCycle: null, origin: 'other-writer' }, 0));
  }
  if (ctx.store.member(campaignId, email)) throw conflict('Contact already added');
  ctx.store.put(newContact(ctx, { email, campaignId, name, tagIds, fields, dayOfCycle, origin: 'api' }, ctx.settings.createDelayMs));
  return { status: 202 };
}

export function newContact(
  ctx: Pick<RouteContext, 'store' | 'now'>,
  data: Pick<StoredContact, 'email' | 'campaignId' | 'name' | 'tagIds' | 'fields' | 'dayOfCycle' | 'origin'>,
  delayMs: number,
): StoredContact {
  return { contactId: ctx.store.nextId('K'), ...data, createdOn: grDate(ctx.now), changedOn: null, visibleAt: ctx.now + delayMs };
}

/** `POST /contacts/{id}` (§3.2): a collection that is sent REPLACES the contact's own. */
function update(ctx: RouteContext) {
  const contact = requireContact(ctx);
  const body = bodyObject(ctx);
  const name = readName(body.name);
  const dayOfCycle = readDayOfCycle(body.dayOfCycle);
  const tagIds = body.tags === undefined ? undefined : readTagIds(ctx.store, body.tags);
  const fields = body.customFieldValues === undefined ? undefined : readFieldValues(ctx.store, body.customFieldValues);
  const campaignId = body.campaign === undefined ? undefined : readCampaignId(ctx, body.campaign);
  if (campaignId !== undefined && campaignId !== contact.campaignId) {
    if (ctx.store.member(campaignId, contact.email)) throw conflict('Contact already added to this campaign');
    ctx.store.move(contact, campaignId);
  }
  if (name !== undefined) contact.name = name;
  if (dayOfCycle !== undefined) contact.dayOfCycle = dayOfCycle;
  if (tagIds !== undefined) contact.tagIds = tagIds;
  if (fields !== undefined) contact.fields = fields;
  contact.changedOn = grDate(ctx.now);
  return { body: contactDetailView(ctx.store, ctx.baseUrl, contact) };
}

/** `POST /contacts/{id}/tags`: adds, keeping the others. */
function addTags(ctx: RouteContext) {
  const contact = requireContact(ctx);
  const tagIds = readTagIds(ctx.store, bodyObject(ctx).tags);
  contact.tagIds = [...new Set([...contact.tagIds, ...tagIds])];
  contact.changedOn = grDate(ctx.now);
  return { body: contactDetailView(ctx.store, ctx.baseUrl, contact) };
}

/** `POST /contacts/{id}/custom-fields`: sets these fields, keeping the others. */
function setFields(ctx: RouteContext) {
  const contact = requireContact(ctx);
  for (const [id, value] of readFieldValues(ctx.store, bodyObject(ctx).customFieldValues)) contact.fields.set(id, value);
  contact.changedOn = grDate(ctx.now);
  return { body: contactDetailView(ctx.store, ctx.baseUrl, contact) };
}

export const contactRoutes = [
  route<ApiHandler>('GET', '/contacts', search),
  route<ApiHandler>('GET', '/contacts/:id', (ctx) => ({ body: contactDetailView(ctx.store, ctx.baseUrl, requireContact(ctx)) })),
  route<ApiHandler>('POST', '/contacts', create),
  route<ApiHandler>('POST', '/contacts/:id', update),
  route<ApiHandler>('POST', '/contacts/:id/tags', addTags),
  route<ApiHandler>('POST', '/contacts/:id/custom-fields', setFields),
];
