import { route } from '../../ecomail/router';
import { GetResponseError, conflict, invalid, notFound } from '../errors';
import type { GetResponseStore, StoredImport } from '../store';
import type { ImportConfig } from '../types';
import { checkFieldValue, isEmail } from '../validation';
import { grDate, importView } from '../views';
import { bodyObject, paged, type ApiHandler, type RouteContext } from './context';
import { newContact } from './contacts';

const DAY_MS = 24 * 60 * 60 * 1000;
const EMPTY_STATISTICS = { uploaded: 0, invalid: 0, updated: 0, addedToList: 0 };

/**
 * `POST /imports` (docs/getresponse.md §4): columns `email`, `name`, `ip`, custom fields BY NAME
 * and `tag:<name>`; every row as long as the mapping, strings only. One running import per list
 * and two per account (409), at most `dailyLimit` in 24 hours. Whether an import creates a tag
 * that does not exist is unknown [U]: the sandbox refuses it, so callers create tags first.
 */
function start(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const campaignId = typeof body.campaignId === 'string' ? body.campaignId : '';
  if (!ctx.store.campaigns.has(campaignId)) throw invalid('campaignId', `Campaign ${campaignId || '(none)'} does not exist`);
  const mapping = readMapping(ctx.store, body.fieldMapping);
  const rows = readRows(body.contacts, mapping.length);
  const active = [...ctx.store.imports.values()].filter((item) => item.state === 'uploaded');
  if (active.some((item) => item.campaignId === campaignId)) throw conflict('Another import to this campaign is in progress');
  if (active.length >= 2) throw conflict('Two imports of this account are in progress');
  const today = [...ctx.store.imports.values()].filter((item) => item.createdAt > ctx.now - DAY_MS).length;
  if (today >= ctx.settings.imports.dailyLimit) {
    throw new GetResponseError(400, 1000, `The limit of ${ctx.settings.imports.dailyLimit} imports in 24 hours is reached [sandbox: the real answer is not documented]`);
  }
  const stored: StoredImport = {
    importId: ctx.store.nextId('I'),
    campaignId,
    state: 'uploaded',
    fieldMapping: mapping,
    rows,
    createdAt: ctx.now,
    finishAt: ctx.now + ctx.settings.imports.delayMs,
    finishedOn: null,
    statistics: { ...EMPTY_STATISTICS },
    incompleteReads: ctx.settings.imports.incompleteStatisticsPolls,
  };
  ctx.store.imports.set(stored.importId, stored);
  return { status: 201, body: importView(ctx.baseUrl, stored, stored.statistics) };
}

function readMapping(store: GetResponseStore, raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.some((column) => typeof column !== 'string')) throw invalid('fieldMapping', 'Value should be an array of column names');
  const mapping = raw as string[];
  if (!mapping.includes('email')) throw invalid('fieldMapping', 'The mapping must include "email"');
  if (new Set(mapping).size !== mapping.length) throw invalid('fieldMapping', 'A column appears twice');
  for (const column of mapping) {
    if (column === 'email' || column === 'name' || column === 'ip') continue;
    if (column.startsWith('tag:')) {
      if (!store.tagByName(column.slice(4))) throw invalid('fieldMapping', `Tag "${column.slice(4)}" does not exist`);
    } else if (!store.fieldByName(column)) throw invalid('fieldMapping', `Custom field "${column}" does not exist`);
  }
  return mapping;
}

function readRows(raw: unknown, width: number): string[][] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('contacts', 'Value should be a non-empty array of rows');
  raw.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width || row.some((cell) => typeof cell !== 'string')) {
      throw invalid(`contacts.${i}`, `Each row must hold ${width} strings, one per column of the mapping`);
    }
  });
  return raw as string[][];
}

/** Applies every import that is due: rows added or updated, statistics counted (rejected ones apply nothing). */
export function applyDueImports(store: GetResponseStore, now: number, config: ImportConfig, force = false): void {
  for (const item of store.imports.values()) {
    if (item.state !== 'uploaded' || (!force && now < item.finishAt)) continue;
    item.finishedOn = grDate(now);
    if (config.reject) {
      item.state = 'rejected';
      continue;
    }
    for (const row of item.rows) applyRow(store, item, row, now);
    item.statistics.uploaded = item.rows.length;
    item.state = 'finished';
  }
}

/**
 * One row: an invalid e-mail or field value counts as invalid; an address already in the list is
 * updated (tag "1" attaches, "0" detaches nothing; an EMPTY cell clears the field [A: the cautious
 * reading of an undocumented case]); any other is added.
 */
function applyRow(store: GetResponseStore, item: StoredImport, row: string[], now: number): void {
  const cell = (column: string) => row[item.fieldMapping.indexOf(column)];
  const email = cell('email').trim().toLowerCase();
  const fields: Array<[string, string]> = [];
  const tags: string[] = [];
  for (const [i, column] of item.fieldMapping.entries()) {
    if (column.startsWith('tag:')) {
      if (row[i] === '1') tags.push(store.tagByName(column.slice(4))!.tagId);
    } else if (column !== 'email' && column !== 'name' && column !== 'ip') fields.push([store.fieldByName(column)!.customFieldId, row[i]]);
  }
  const valid =
    isEmail(email) &&
    fields.every(([id, value]) => {
      if (value === '') return true;
      try {
        checkFieldValue(store.fields.get(id)!, value, 'contacts');
        return true;
      } catch {
        return false;
      }
    });
  if (!valid) {
    item.statistics.invalid++;
    return;
  }
  const name = item.fieldMapping.includes('name') ? cell('name') : undefined;
  const existing = store.member(item.campaignId, email);
  const contact = existing ?? newContact({ store, now }, { email, campaignId: item.campaignId, name: null, tagIds: [], fields: new Map(), dayOfCycle: null, origin: 'import' }, 0);
  if (name !== undefined) contact.name = name === '' ? null : name;
  for (const [id, value] of fields) {
    if (value === '') contact.fields.delete(id);
    else contact.fields.set(id, [value]);
  }
  contact.tagIds = [...new Set([...contact.tagIds, ...tags])];
  if (existing) {
    existing.visibleAt = Math.min(existing.visibleAt, now);
    existing.changedOn = grDate(now);
    item.statistics.updated++;
  } else {
    store.put(contact);
    item.statistics.addedToList++;
  }
}

function read(ctx: RouteContext) {
  const item = ctx.store.imports.get(ctx.params.id);
  if (!item) throw notFound('Import');
  if (item.state === 'finished' && item.incompleteReads > 0) {
    item.incompleteReads--;
    return { body: importView(ctx.baseUrl, item, EMPTY_STATISTICS) };
  }
  return { body: importView(ctx.baseUrl, item, item.statistics) };
}

export const importRoutes = [
  route<ApiHandler>('POST', '/imports', start),
  route<ApiHandler>('GET', '/imports', (ctx) => paged(ctx, [...ctx.store.imports.values()].map((item) => importView(ctx.baseUrl, item, item.statistics)))),
  route<ApiHandler>('GET', '/imports/:id', read),
];
