import type { SaveOutcome } from '../destinations/port';
import type { Sleep } from '../ports';
import type { GetResponseClient } from './client';
import { GetResponseApiError } from './errors';
import type { PreparedContact } from './prepared-contact';
import type { GetResponseImport, ImportInput } from './types';

/** Fewer contacts than this go one by one: an import costs one of the account's 20 a day (docs/getresponse.md §4). */
export const IMPORT_MIN_CONTACTS = 200;
/** Imports started per batch at most, so a 10,000-contact run leaves most of the daily 20 to the user [A]. */
export const MAX_IMPORTS_PER_BATCH = 2;
/** GetResponse takes at most 20 MB per import; we stay a little below. */
const MAX_IMPORT_BYTES = 19_000_000;
const TERMINAL_FAILURES = new Set(['rejected', 'canceled']);

export interface ImportWriteContext {
  client: GetResponseClient;
  campaignId: string;
  sleep: Sleep;
  /** Waits before each status poll; when they run out, the import is reported as still running. */
  pollWaitsMs: readonly number[];
  /** Waits before trying again while another import of the list or account is active (409). */
  busyWaitsMs: readonly number[];
}

export interface ImportResult {
  /** Per contact index handed in: its outcome, or undefined = write it one by one instead. */
  outcomes: Array<SaveOutcome | undefined>;
  /** Contacts GetResponse counted as added to the list. */
  inserted: number;
}

/**
 * An import may only carry columns every one of its rows fills: an empty cell is not "leave as
 * it is" in an import [U], so contacts are grouped by the fields they carry. Tag columns need no
 * grouping: "0" never detaches a tag.
 */
function columnKey(contact: PreparedContact): string {
  return [contact.name === undefined ? '' : 'name', ...contact.fields.map((field) => field.name).sort()].join('\u0000');
}

/** The largest groups of at least IMPORT_MIN_CONTACTS, at most MAX_IMPORTS_PER_BATCH of them. */
export function importGroups(contacts: readonly PreparedContact[]): number[][] {
  const groups = new Map<string, number[]>();
  contacts.forEach((contact, index) => {
    const key = columnKey(contact);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()]
    .filter((group) => group.length >= IMPORT_MIN_CONTACTS)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_IMPORTS_PER_BATCH);
}

/** One import's request: `email`, `name`, custom fields by name, `tag:<name>` columns of "1" / "0". */
export function importInput(campaignId: string, contacts: readonly PreparedContact[]): ImportInput {
  const first = contacts[0];
  const fieldNames = first.fields.map((field) => field.name).sort();
  const tagNames = [...new Set(contacts.flatMap((contact) => contact.tags?.map((tag) => tag.name) ?? []))];
  const fieldMapping = ['email', ...(first.name === undefined ? [] : ['name']), ...fieldNames, ...tagNames.map((tag) => `tag:${tag}`)];
  const rows = contacts.map((contact) => {
    const values = new Map(contact.fields.map((field) => [field.name, field.value]));
    const tags = new Set(contact.tags?.map((tag) => tag.name));
    return [
      contact.email,
      ...(contact.name === undefined ? [] : [contact.name]),
      ...fieldNames.map((name) => values.get(name) as string),
      ...tagNames.map((tag) => (tags.has(tag) ? '1' : '0')),
    ];
  });
  return { campaignId, fieldMapping, contacts: rows };
}

/**
 * Adds and updates the contacts of the large groups through GetResponse's imports
 * (docs/getresponse.md §4): one import per group, polled until it ends. A finished import whose
 * statistics account for every row saves them all; one with invalid rows, or one GetResponse
 * would not start (daily limit, a busy list), leaves its contacts to the one-by-one path, which
 * gives each its own outcome. A rejected import fails its rows with the reason; one still
 * running when the polls run out fails them too and is never sent twice.
 */
export async function importContacts(ctx: ImportWriteContext, contacts: readonly PreparedContact[]): Promise<ImportResult> {
  const outcomes: Array<SaveOutcome | undefined> = new Array(contacts.length);
  let inserted = 0;
  for (const group of importGroups(contacts)) {
    for (const part of splitBySize(ctx.campaignId, group.map((index) => contacts[index]), group)) {
      const result = await runImport(ctx, part.input);
      inserted += result.inserted;
      part.indexes.forEach((index) => (outcomes[index] = result.outcome(contacts[index])));
    }
  }
  return { outcomes, inserted };
}

/** Halves a group until each import's JSON stays under the size limit. */
function splitBySize(campaignId: string, group: PreparedContact[], indexes: number[]): Array<{ input: ImportInput; indexes: number[] }> {
  const input = importInput(campaignId, group);
  if (group.length < 2 || JSON.stringify(input).length <= MAX_IMPORT_BYTES) return [{ input, indexes }];
  const middle = Math.ceil(group.length / 2);
  return [
    ...splitBySize(campaignId, group.slice(0, middle), indexes.slice(0, middle)),
    ...splitBySize(campaignId, group.slice(middle), indexes.slice(middle)),
  ];
}

type ContactOutcome = (contact: PreparedContact) => SaveOutcome | undefined;

async function runImport(ctx: ImportWriteContext, input: ImportInput): Promise<{ inserted: number; outcome: ContactOutcome }> {
  const oneByOne = { inserted: 0, outcome: () => undefined };
  let started: GetResponseImport | undefined;
  try {
    started = await start(ctx, input);
  } catch (error) {
    if (error instanceof GetResponseApiError && error.isAuthError) throw error;
    if (isRefusal(error)) return oneByOne;
    return { inserted: 0, outcome: failedWith(error, 'the import could not be started') };
  }
  if (!started) return oneByOne;
  const id = started.importId;
  let state = started;
  try {
    for (const waitMs of ctx.pollWaitsMs) {
      if (isDone(state, input)) break;
      await ctx.sleep(waitMs);
      state = await ctx.client.getImport(id);
    }
  } catch (error) {
    if (error instanceof GetResponseApiError && error.isAuthError) throw error;
    return { inserted: 0, outcome: failedWith(error, `the state of GetResponse import ${id} could not be read`) };
  }
  const stats = state.statistics ?? {};
  const inserted = Number(stats.addedToList) || 0;
  if (state.state === 'finished' && accountsForAll(state, input)) {
    return { inserted, outcome: (contact) => ({ status: 'saved', email: contact.email, ...notWritten(contact) }) };
  }
  // Invalid rows GetResponse does not name: every row of the import gets its own answer one by one.
  if (state.state === 'finished') return { inserted, outcome: () => undefined };
  const reason = TERMINAL_FAILURES.has(state.state)
    ? `GetResponse ${state.state === 'rejected' ? 'rejected' : 'canceled'} import ${id} (list-quality review): see GetResponse → Contacts → Import history`
    : `GetResponse import ${id} is still "${state.state}" after the wait: it may finish later (see GetResponse → Contacts → Import history); it is not sent again`;
  return { inserted: 0, outcome: (contact) => ({ status: 'failed', email: contact.email, reason, error: new Error(reason) }) };
}

/** Starts the import, waiting while the list or account has another one running; undefined when that never ends. */
async function start(ctx: ImportWriteContext, input: ImportInput): Promise<GetResponseImport | undefined> {
  for (const waitMs of [0, ...ctx.busyWaitsMs]) {
    if (waitMs > 0) await ctx.sleep(waitMs);
    try {
      return await ctx.client.startImport(input);
    } catch (error) {
      if (!(error instanceof GetResponseApiError && error.isConflict)) throw error;
    }
  }
  return undefined;
}

function isDone(state: GetResponseImport, input: ImportInput): boolean {
  if (TERMINAL_FAILURES.has(state.state)) return true;
  // The first "finished" can come before the statistics are complete (docs/getresponse.md §4).
  return state.state === 'finished' && countedRows(state) >= input.contacts.length;
}

function countedRows(state: GetResponseImport): number {
  const stats = state.statistics ?? {};
  return (Number(stats.invalid) || 0) + (Number(stats.updated) || 0) + (Number(stats.addedToList) || 0);
}

function accountsForAll(state: GetResponseImport, input: ImportInput): boolean {
  return Number(state.statistics?.invalid ?? 0) === 0 && countedRows(state) === input.contacts.length;
}

/** A refusal of the import as such (daily limit, validation): its contacts can still go one by one. */
function isRefusal(error: unknown): boolean {
  return error instanceof GetResponseApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

function failedWith(error: unknown, context: string): ContactOutcome {
  const reason = `${context}: ${error instanceof Error ? error.message : String(error)}`;
  const httpStatus = error instanceof GetResponseApiError ? error.status : undefined;
  return (contact) => ({ status: 'failed', email: contact.email, reason, error, httpStatus });
}

function notWritten(contact: PreparedContact): { response?: unknown } {
  return contact.notWritten.length ? { response: { fieldsNotWritten: contact.notWritten } } : {};
}
