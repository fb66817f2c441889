import type { ContactWrite, ContactWritePlan, ContactWriteResult, Destination, SaveOutcome } from '../destinations/port';
import type { Clock } from '../ports';
import { CampaignDirectory } from './campaign-directory';
import { GetResponseCatalogue } from './catalogue';
import { GETRESPONSE_MAX_CONCURRENCY, GetResponseClient, type GetResponseClientOptions } from './client';
import { contactParts, contactProblem } from './contact-parts';
import { GetResponseApiError } from './errors';
import { importContacts } from './import-writes';
import { prepareContacts, type PreparedContact } from './prepared-contact';
import { writeOneByOne, type SingleWrite } from './single-writes';

export const GETRESPONSE_ORDERS_NOT_KEPT =
  'GetResponse keeps no orders in this integration: the purchase is on the contact as its tags and fields (docs/getresponse.md §8)';
export const GETRESPONSE_EVENTS_NOT_KEPT =
  'GetResponse keeps no events in this integration: the contact\u2019s fields carry the change (docs/getresponse.md §8)';

/**
 * The most contacts one scheduled GetResponse import takes: the product's own rule (one run every
 * 24 hours), not a GetResponse limit (docs/getresponse.md §3.3). Shells stop there and leave the
 * rest to the next run.
 */
export const GETRESPONSE_CONTACTS_PER_RUN = 10_000;

/** Waits of the slow, asynchronous parts; only tests and benchmarks shorten them. */
export interface GetResponseTiming {
  /** Before each poll of a running import: about 15 minutes in all. */
  importPollWaitsMs: readonly number[];
  /** While another import of the list or account is running (409). */
  importBusyWaitsMs: readonly number[];
  /** Before each lookup of a contact whose create was answered 409 but which is not visible yet. */
  relookupWaitsMs: readonly number[];
}

export const DEFAULT_GETRESPONSE_TIMING: GetResponseTiming = {
  importPollWaitsMs: [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 30_000, ...Array<number>(13).fill(60_000)],
  importBusyWaitsMs: [5_000, 15_000, 30_000, 60_000],
  relookupWaitsMs: [500, 1_000, 2_000, 4_000, 8_000],
};

export interface GetResponseDestinationOptions extends Omit<GetResponseClientOptions, 'now'> {
  clock?: Clock;
  timing?: Partial<GetResponseTiming>;
}

export interface GetResponseDestination extends Destination {
  readonly name: 'getresponse';
  /** For a shell's dropdowns and connection test: campaigns, the account, custom fields. */
  readonly client: GetResponseClient;
}

/**
 * GetResponse behind the destination port (docs/pipeline.md §11, docs/getresponse.md). The plan's
 * `target` is the campaign (list) id. Tags and custom fields are resolved by name once per
 * destination, so keep one destination for a whole run.
 */
export function createGetResponseDestination(options: GetResponseDestinationOptions): GetResponseDestination {
  const { clock, timing: customTiming, ...clientOptions } = options;
  const client = new GetResponseClient({ ...clientOptions, now: clock });
  const catalogue = new GetResponseCatalogue(client);
  const directories = new Map<string, CampaignDirectory>();
  const directoryOf = (campaignId: string) => {
    let directory = directories.get(campaignId);
    if (!directory) directories.set(campaignId, (directory = new CampaignDirectory(client, campaignId)));
    return directory;
  };
  const timing = { ...DEFAULT_GETRESPONSE_TIMING, ...customTiming };
  return {
    name: 'getresponse',
    client,
    validate: contactProblem,
    writeContacts: (plan, rows) =>
      writeGetResponseContacts({ client, catalogue, directory: directoryOf(String(plan.target)), timing, sleep: options.sleep }, plan, rows),
    writeOrders: async (orders) => orders.map(() => ({ status: 'skipped', reason: GETRESPONSE_ORDERS_NOT_KEPT })),
    trackEvent: async () => ({ skipped: GETRESPONSE_EVENTS_NOT_KEPT }),
    isAuthError: (error) => error instanceof GetResponseApiError && error.isAuthError,
  };
}

interface Writer {
  client: GetResponseClient;
  catalogue: GetResponseCatalogue;
  directory: CampaignDirectory;
  timing: GetResponseTiming;
  sleep: GetResponseClientOptions['sleep'];
}

/**
 * The rows of one job call: refused locally, or resolved to GetResponse ids in one catalogue pass;
 * large groups of "add and update" go through imports (tags added, never replaced there), the rest
 * — and whatever an import leaves — one by one.
 */
async function writeGetResponseContacts(writer: Writer, plan: ContactWritePlan, rows: readonly ContactWrite[]): Promise<ContactWriteResult> {
  const campaignId = String(plan.target);
  const outcomes: SaveOutcome[] = new Array(rows.length);
  const valid: number[] = [];
  rows.forEach((row, index) => {
    const reason = contactProblem(row.data);
    if (reason) outcomes[index] = { status: 'rejected', email: typeof row.data?.email === 'string' ? row.data.email : '', reason };
    else valid.push(index);
  });

  let prepared: PreparedContact[];
  try {
    prepared = await prepareContacts(writer.catalogue, valid.map((index) => contactParts(rows[index].data)));
  } catch (error) {
    if (error instanceof GetResponseApiError && error.isAuthError) throw error;
    const reason = `its tags or custom fields could not be set up in GetResponse: ${error instanceof Error ? error.message : String(error)}`;
    const httpStatus = error instanceof GetResponseApiError ? error.status : undefined;
    for (const index of valid) outcomes[index] = { status: 'failed', email: rows[index].data.email, reason, error, httpStatus };
    return { outcomes, inserted: 0 };
  }

  // A new contact enters the autoresponder cycle only when the user starts automations.
  const dayOfCycle = plan.choices.triggerAutomations ? '0' : undefined;
  const writes: SingleWrite[] = valid.map((index, i) => ({ contact: prepared[i], mayCreate: rows[index].consent, dayOfCycle }));
  const importable = plan.flags.createsContacts && plan.flags.updateExisting && plan.keepTags && dayOfCycle === undefined;
  const importing = importable ? writes.map((_, i) => i).filter((i) => writes[i].mayCreate) : [];
  let inserted = 0;
  const imported = await importContacts(
    { client: writer.client, campaignId, sleep: writer.sleep, pollWaitsMs: writer.timing.importPollWaitsMs, busyWaitsMs: writer.timing.importBusyWaitsMs },
    importing.map((i) => writes[i].contact),
  );
  inserted += imported.inserted;
  const settled = new Set<number>();
  importing.forEach((i, k) => {
    const outcome = imported.outcomes[k];
    if (!outcome) return;
    outcomes[valid[i]] = outcome;
    settled.add(i);
    if (outcome.status === 'saved') writer.directory.noteCreated(outcome.email);
  });

  const single = writes.map((_, i) => i).filter((i) => !settled.has(i));
  const find = await writer.directory.finderFor(single.map((i) => writes[i].contact.email));
  const written = await writeOneByOne(
    {
      client: writer.client,
      campaignId,
      flags: plan.flags,
      keepTags: plan.keepTags,
      concurrency: Math.min(plan.concurrency, GETRESPONSE_MAX_CONCURRENCY),
      sleep: writer.sleep,
      relookupWaitsMs: writer.timing.relookupWaitsMs,
      find,
      onCreated: (email) => writer.directory.noteCreated(email),
    },
    single.map((i) => writes[i]),
  );
  inserted += written.created;
  single.forEach((i, k) => (outcomes[valid[i]] = written.outcomes[k]));
  return { outcomes, inserted };
}
