import { ApiError, notFound, validationError } from '../errors';
import { registerUnknownFields, unsubscribeMember, updateMember, upsertMember } from '../members';
import { route } from '../router';
import { readEmail, readSubscriberData, type SubscriberInput } from '../validation';
import { coreContactView, listMemberView, unsubscribeView } from '../views';
import { bodyObject, readFlag, requireList, type ApiHandler, type RouteContext } from './context';

/** docs/ecomail-api.md §3.3 / docs/ecomail-api.md §3.5: items beyond the first 3,000 are dropped silently, like the real API. */
const MAX_BULK_CONTACTS = 3000;

/** POST /lists/{id}/subscribe (docs/ecomail-api.md §3.2). All flags default to false here. */
function subscribe(ctx: RouteContext) {
  const list = requireList(ctx);
  const body = bodyObject(ctx);
  const input = readSubscriberData(body.subscriber_data);
  // trigger_autoresponders / trigger_notification are accepted; calls() keeps them for inspection.
  const flags = {
    updateExisting: readFlag(body, 'update_existing', false),
    resubscribe: readFlag(body, 'resubscribe', false),
    skipConfirmation: readFlag(body, 'skip_confirmation', false),
  };
  const outcome = upsertMember(ctx.store, list, input, flags, ctx.now);
  if (outcome.inserted || flags.updateExisting) registerUnknownFields(list, input.customFields);
  if (outcome.becameSubscribed) ctx.webhook.notify({ email: input.email, status: 'SUBSCRIBED', listId: list.id });
  // `already_subscribed` appears only when the e-mail was already in the list (docs/ecomail-api.md §3.2).
  const reply = coreContactView(outcome.contact);
  return { body: outcome.alreadySubscribed ? { ...reply, already_subscribed: true } : reply };
}

/**
 * POST /lists/{id}/subscribe-bulk (docs/ecomail-api.md §3.3): update_existing defaults to TRUE, DOI is always skipped.
 * Invalid items: the real behaviour is unknown [U]; the sandbox skips them silently and processes
 * the rest. The list webhook is not fired for bulk members (also unknown [U]; only single
 * subscribe is documented to fire it). `inserts` counts new list members only.
 */
function subscribeBulk(ctx: RouteContext) {
  const list = requireList(ctx);
  const body = bodyObject(ctx);
  const flags = {
    updateExisting: readFlag(body, 'update_existing', true),
    resubscribe: readFlag(body, 'resubscribe', false),
    skipConfirmation: true,
  };
  let inserts = 0;
  for (const input of validItems(body.subscriber_data)) {
    if (upsertMember(ctx.store, list, input, flags, ctx.now).inserted) inserts++;
  }
  return { body: { inserts } };
}

/** PUT /lists/{id}/update-subscriber (docs/ecomail-api.md §3.4): the e-mail must be top-level. */
function updateSubscriber(ctx: RouteContext) {
  const list = requireList(ctx);
  const body = bodyObject(ctx);
  if (body.email === undefined || body.email === null || body.email === '') {
    throw new ApiError(422, 'email_required', { email: ['email_required'] });
  }
  const input = readSubscriberData(body.subscriber_data ?? {}, readEmail(body.email));
  const contact = updateMember(ctx.store, list, input, readFlag(body, 'allow_resubscribe', false), ctx.now);
  return { body: coreContactView(contact) };
}

/** PUT /lists/{id}/update-subscriber-bulk (docs/ecomail-api.md §3.5): invalid items and non-members are skipped [U]. */
function updateSubscriberBulk(ctx: RouteContext) {
  const list = requireList(ctx);
  const body = bodyObject(ctx);
  const allowResubscribe = readFlag(body, 'allow_resubscribe', false);
  let updates = 0;
  for (const input of validItems(body.subscriber_data)) {
    try {
      updateMember(ctx.store, list, input, allowResubscribe, ctx.now);
      updates++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return { body: { updates } };
}

/** GET /lists/{id}/subscriber/{email} (docs/ecomail-api.md §3.6): 404 when not a member [U]. */
function showMember(ctx: RouteContext) {
  const list = requireList(ctx);
  const contact = ctx.store.contacts.get(ctx.params.email.trim().toLowerCase());
  const membership = contact?.lists[list.id];
  if (!contact || !membership) throw notFound('Subscriber not found in this list.');
  return { body: { subscriber: listMemberView(contact, membership) } };
}

/** DELETE /lists/{id}/unsubscribe (docs/ecomail-api.md §3.8): JSON body; does NOT fire the list webhook (docs/ecomail-api.md §9.1). */
function unsubscribe(ctx: RouteContext) {
  const list = requireList(ctx);
  const email = readEmail(bodyObject(ctx).email);
  const contact = unsubscribeMember(ctx.store, list, email, ctx.now);
  return { body: unsubscribeView(contact, contact.lists[list.id]) };
}

/** The first 3,000 items of a bulk array that pass validation. */
function validItems(raw: unknown): SubscriberInput[] {
  if (!Array.isArray(raw)) throw validationError('subscriber_data', 'The subscriber data must be an array.');
  const inputs: SubscriberInput[] = [];
  for (const item of raw.slice(0, MAX_BULK_CONTACTS)) {
    try {
      inputs.push(readSubscriberData(item));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return inputs;
}

export const memberRoutes = [
  route<ApiHandler>('POST', '/lists/:id/subscribe', subscribe),
  route<ApiHandler>('POST', '/lists/:id/subscribe-bulk', subscribeBulk),
  route<ApiHandler>('PUT', '/lists/:id/update-subscriber', updateSubscriber),
  route<ApiHandler>('PUT', '/lists/:id/update-subscriber-bulk', updateSubscriberBulk),
  route<ApiHandler>('GET', '/lists/:id/subscriber/:email', showMember),
  route<ApiHandler>('DELETE', '/lists/:id/unsubscribe', unsubscribe),
];
