import type { GetResponseSandbox } from '../sandbox/getresponse';
import type { SalesManagoSandbox } from '../sandbox/salesmanago';

/**
 * What a user sees in GetResponse or SALESmanago after a run, without what legitimately differs
 * between shells: ids and times the server assigns, how many writes it took (a Zap writes once per
 * purchase, the CLI once per merged buyer), and how a contact arrived (the CLI imports in bulk,
 * the others call the API). Tags are sets to the user, so they are sorted.
 */
export interface DestinationStateView {
  contacts: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
}

const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);

/** GetResponse keeps no orders: contacts per list, with their tags and fields. */
export function getResponseState(sandbox: GetResponseSandbox): DestinationStateView {
  const contacts = sandbox.state
    .contacts()
    .map(({ email, campaignId, name, tags, fields, dayOfCycle }) => ({ email, campaignId, name, tags: [...tags].sort(), fields, dayOfCycle }))
    .sort(byEmail);
  return { contacts, events: [] };
}

/** SALESmanago: contacts with tags, properties and consent; purchases as external events. */
export function salesManagoState(sandbox: SalesManagoSandbox): DestinationStateView {
  const contacts = sandbox.state
    .contacts()
    .map(({ contactId: _id, createdAt: _created, modifiedAt: _modified, upserts: _upserts, tags, ...seen }) => ({ ...seen, tags: [...tags].sort() }))
    .sort(byEmail);
  const events = sandbox.state
    .events()
    .map(({ eventId: _id, ...seen }) => seen)
    .sort((a, b) => `${a.externalId}|${a.contactExtEventType}|${a.email}`.localeCompare(`${b.externalId}|${b.contactExtEventType}|${b.email}`));
  return { contacts, events };
}
