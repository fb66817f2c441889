import { notFound } from '../errors';
import { route } from '../router';
import { accountContactView } from '../views';
import type { ApiHandler, RouteContext } from './context';

function emailParam(ctx: RouteContext): string {
  return ctx.params.email.trim().toLowerCase();
}

/** GET /subscribers/{email} (docs/ecomail-api.md §3.7): the contact across all lists, tags included. */
function showContact(ctx: RouteContext) {
  const contact = ctx.store.contacts.get(emailParam(ctx));
  if (!contact) throw notFound('Subscriber not found.');
  return { body: { subscriber: accountContactView(contact) } };
}

/** DELETE /subscribers/{email}/delete (docs/ecomail-api.md §3.9): erases the contact from every list; reply shape unknown [U]. */
function deleteContact(ctx: RouteContext) {
  if (!ctx.store.contacts.delete(emailParam(ctx))) throw notFound('Subscriber not found.');
  return { body: {} };
}

export const subscriberRoutes = [
  route<ApiHandler>('GET', '/subscribers/:email', showContact),
  route<ApiHandler>('DELETE', '/subscribers/:email/delete', deleteContact),
];
