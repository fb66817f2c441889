import type { GetResponseStore, StoredContact, StoredField, StoredImport, StoredTag } from './store';
import type { SandboxContactView, SandboxImportView } from './types';

/** ISO with a +0000 offset, as GetResponse writes its dates. */
export function grDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function campaignView(baseUrl: string, campaign: { campaignId: string; name: string; createdOn: string }) {
  return { campaignId: campaign.campaignId, href: `${baseUrl}/v3/campaigns/${campaign.campaignId}`, name: campaign.name, isDefault: 'false', createdOn: campaign.createdOn };
}

export function tagView(baseUrl: string, tag: StoredTag) {
  return { tagId: tag.tagId, href: `${baseUrl}/v3/tags/${tag.tagId}`, name: tag.name, color: '', createdAt: tag.createdAt };
}

export function fieldView(baseUrl: string, field: StoredField) {
  return {
    customFieldId: field.customFieldId,
    href: `${baseUrl}/v3/custom-fields/${field.customFieldId}`,
    name: field.name,
    fieldType: field.type,
    format: field.format,
    valueType: field.type === 'number' ? 'number' : 'string',
    type: field.type,
    hidden: field.hidden,
    values: [...field.values],
  };
}

/** A row of the contact search: no tags and no field values (those are on the detail). */
export function contactListView(store: GetResponseStore, baseUrl: string, contact: StoredContact) {
  const campaign = store.campaigns.get(contact.campaignId);
  return {
    contactId: contact.contactId,
    href: `${baseUrl}/v3/contacts/${contact.contactId}`,
    name: contact.name,
    email: contact.email,
    note: null,
    origin: contact.origin === 'import' ? 'import' : 'api',
    dayOfCycle: contact.dayOfCycle,
    changedOn: contact.changedOn,
    timeZone: 'Europe/Prague',
    ipAddress: null,
    activities: `${baseUrl}/v3/contacts/${contact.contactId}/activities`,
    campaign: { campaignId: contact.campaignId, href: `${baseUrl}/v3/campaigns/${contact.campaignId}`, name: campaign?.name ?? '' },
    createdOn: contact.createdOn,
    scoring: null,
    engagementScore: null,
  };
}

export function contactDetailView(store: GetResponseStore, baseUrl: string, contact: StoredContact) {
  return {
    ...contactListView(store, baseUrl, contact),
    tags: contact.tagIds.map((id) => store.tags.get(id)).filter((tag): tag is StoredTag => !!tag).map((tag) => tagView(baseUrl, tag)),
    customFieldValues: [...contact.fields].map(([id, value]) => {
      const field = store.fields.get(id);
      return { ...(field ? fieldView(baseUrl, field) : { customFieldId: id }), value: [...value] };
    }),
  };
}

export function importView(baseUrl: string, stored: StoredImport, statistics: StoredImport['statistics']) {
  return {
    importId: stored.importId,
    href: `${baseUrl}/v3/imports/${stored.importId}`,
    campaign: { campaignId: stored.campaignId, href: `${baseUrl}/v3/campaigns/${stored.campaignId}` },
    state: stored.state,
    createdOn: grDate(stored.createdAt),
    finishedOn: stored.finishedOn,
    statistics: { ...statistics },
    errorStatistics: { syntaxErrors: stored.statistics.invalid, duplicates: 0, alreadyInList: 0 },
  };
}

/** For tests: names instead of ids. */
export function sandboxContactView(store: GetResponseStore, contact: StoredContact, now: number): SandboxContactView {
  const fields: Record<string, string[]> = {};
  for (const [id, value] of contact.fields) fields[store.fields.get(id)?.name ?? id] = [...value];
  return {
    contactId: contact.contactId,
    email: contact.email,
    campaignId: contact.campaignId,
    name: contact.name,
    tags: contact.tagIds.map((id) => store.tags.get(id)?.name ?? id),
    fields,
    dayOfCycle: contact.dayOfCycle,
    origin: contact.origin,
    queued: now < contact.visibleAt,
  };
}

export function sandboxImportView(stored: StoredImport): SandboxImportView {
  return {
    importId: stored.importId,
    campaignId: stored.campaignId,
    state: stored.state,
    fieldMapping: [...stored.fieldMapping],
    rows: stored.rows.length,
    statistics: { ...stored.statistics },
  };
}
