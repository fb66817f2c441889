import type { ImportModeFlags } from '../mapping/import-mode';
import { eachConcurrently } from '../jobs/concurrency';
import type { SaveOutcome } from '../destinations/port';
import { NOT_IN_LIST_REASON } from '../jobs/save-contacts';
import type { Sleep } from '../ports';
import type { FindContact } from './campaign-directory';
import type { GetResponseClient } from './client';
import { GetResponseApiError } from './errors';
import type { PreparedContact } from './prepared-contact';
import type { GetResponseContact } from './types';

export interface SingleWriteContext {
  client: GetResponseClient;
  campaignId: string;
  flags: ImportModeFlags;
  /** Tag handling "add": tags are added beside the contact's others; otherwise they replace them. */
  keepTags: boolean;
  concurrency: number;
  sleep: Sleep;
  /** "Is it in the campaign?" for the first look; after a 409 the client is asked afresh. */
  find: FindContact;
  /** Told of every contact GetResponse queued for us (202). */
  onCreated: (email: string) => void;
  /**
   * Waits before each further lookup when a create was answered 409 but the contact is not
   * visible yet: GetResponse shows a queued contact only once it is processed (docs/getresponse.md §3.1).
   */
  relookupWaitsMs: readonly number[];
}

export interface SingleWrite {
  contact: PreparedContact;
  /**
   * Whether a contact that is not in the campaign may be created: only with the person's consent,
   * since every GetResponse contact is a subscriber of its list (docs/getresponse.md §3.4).
   */
  mayCreate: boolean;
  /** "0" puts a NEW contact into the campaign's autoresponder cycle; existing ones are never moved in it. */
  dayOfCycle?: string;
}

export const NO_CONSENT_REASON =
  'no marketing consent in this data, and not in the GetResponse list yet: every GetResponse contact is a subscriber of its list, so none is created';

/** A failed step of a write, with what was already saved before it. */
class StepError extends Error {
  constructor(
    readonly failure: unknown,
    step: string,
  ) {
    super(`${step}: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

/**
 * One contact at a time (docs/getresponse.md §3.2): GetResponse has no upsert, so each
 * import mode is emulated — add and update: look up, then update or create (a create answered
 * 409 because another writer won the race becomes an update); add only: create, 409 = it was
 * there already; update only: look up, update or skip. Returns one outcome per write, in order;
 * a refused key is thrown.
 */
export async function writeOneByOne(ctx: SingleWriteContext, writes: readonly SingleWrite[]): Promise<{ outcomes: SaveOutcome[]; created: number }> {
  const outcomes: SaveOutcome[] = new Array(writes.length);
  let created = 0;
  await eachConcurrently(writes, ctx.concurrency, async (write, index) => {
    try {
      const result = await writeOne(ctx, write);
      if (result.created) created++;
      outcomes[index] = result.outcome;
    } catch (error) {
      const cause = error instanceof StepError ? error.failure : error;
      if (cause instanceof GetResponseApiError && cause.isAuthError) throw cause;
      outcomes[index] = {
        status: 'failed',
        email: write.contact.email,
        reason: error instanceof Error ? error.message : String(error),
        error: cause,
        httpStatus: cause instanceof GetResponseApiError ? cause.status : undefined,
      };
    }
  });
  return { outcomes, created };
}

async function writeOne(ctx: SingleWriteContext, write: SingleWrite): Promise<{ outcome: SaveOutcome; created: boolean }> {
  const { contact } = write;
  const skipped = (reason: string) => ({ outcome: { status: 'skipped', email: contact.email, reason } as const, created: false });
  if (ctx.flags.createsContacts && !ctx.flags.updateExisting) {
    if (!write.mayCreate) return skipped(NO_CONSENT_REASON);
    // Add only: no lookup needed, a 409 says the contact was there and is left as it is.
    return (await create(ctx, write)) ? createdOutcome(contact) : { outcome: savedOutcome(contact, true), created: false };
  }
  const found = await ctx.find(contact.email);
  if (found) return { outcome: await update(ctx, found, contact), created: false };
  if (!ctx.flags.createsContacts) return skipped(NOT_IN_LIST_REASON);
  if (!write.mayCreate) return skipped(NO_CONSENT_REASON);
  if (await create(ctx, write)) return createdOutcome(contact);
  const raced = await lookUpAgain(ctx, contact.email);
  return { outcome: await update(ctx, raced, contact), created: false };
}

/** True when GetResponse queued the contact (202); false when it answered 409, the contact exists. */
async function create(ctx: SingleWriteContext, { contact, dayOfCycle }: SingleWrite): Promise<boolean> {
  try {
    await ctx.client.createContact({
      email: contact.email,
      campaignId: ctx.campaignId,
      name: contact.name,
      tagIds: contact.tags?.map((tag) => tag.id),
      customFieldValues: contact.fields.length > 0 ? contact.fields.map((field) => field.input) : undefined,
      dayOfCycle,
    });
    ctx.onCreated(contact.email);
    return true;
  } catch (error) {
    if (error instanceof GetResponseApiError && error.isConflict) return false;
    throw error;
  }
}

async function lookUpAgain(ctx: SingleWriteContext, email: string): Promise<GetResponseContact> {
  for (const waitMs of ctx.relookupWaitsMs) {
    await ctx.sleep(waitMs);
    const found = await ctx.client.findContact(ctx.campaignId, email);
    if (found) return found;
  }
  throw new StepError(
    new Error('GetResponse says the address is on the list (409) but does not show it yet: it may still be queued there, or be unsubscribed'),
    'not updated',
  );
}

/**
 * An existing contact: the name (and, with Replace Tags, the tag set) through the update call;
 * with Add to Existing Tags the tags through the add-tags call; fields always through the
 * field call, which keeps the contact's other fields. A step that is not needed is not sent.
 */
async function update(ctx: SingleWriteContext, found: GetResponseContact, contact: PreparedContact): Promise<SaveOutcome> {
  const id = found.contactId;
  const tagIds = contact.tags?.map((tag) => tag.id);
  const replaceTags = !ctx.keepTags && tagIds !== undefined;
  const rename = contact.name !== undefined && contact.name !== (found.name ?? '');
  const steps: Array<[string, () => Promise<unknown>]> = [];
  if (rename || replaceTags) steps.push(['name/tags', () => ctx.client.updateContact(id, { name: rename ? contact.name : undefined, tagIds: replaceTags ? tagIds : undefined })]);
  if (!replaceTags && tagIds?.length) steps.push(['tags', () => ctx.client.addTags(id, tagIds)]);
  if (contact.fields.length > 0) steps.push(['custom fields', () => ctx.client.setCustomFields(id, contact.fields.map((field) => field.input))]);
  for (const [i, [label, send]] of steps.entries()) {
    try {
      await send();
    } catch (error) {
      const done = steps.slice(0, i).map(([name]) => name);
      throw new StepError(error, done.length ? `${label} not saved (${done.join(', ')} saved)` : `${label} not saved`);
    }
  }
  // The run's listing may answer for this contact again in a later batch: it holds the new name now.
  if (rename) found.name = contact.name;
  return savedOutcome(contact, true, id);
}

function savedOutcome(contact: PreparedContact, existed: boolean, contactId?: string): SaveOutcome {
  const response = {
    ...(contactId ? { contactId } : {}),
    ...(contact.notWritten.length ? { fieldsNotWritten: contact.notWritten } : {}),
  };
  return { status: 'saved', email: contact.email, alreadySubscribed: existed, ...(Object.keys(response).length ? { response } : {}) };
}

function createdOutcome(contact: PreparedContact): { outcome: SaveOutcome; created: boolean } {
  return { outcome: savedOutcome(contact, false), created: true };
}
