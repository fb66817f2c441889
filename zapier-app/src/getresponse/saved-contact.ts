/**
 * A GetResponse contact write as a Zap's output: the record every destination app returns, plus
 * what GetResponse's adapter reports — the contact's id when it was found (a new contact is queued
 * by GetResponse and has none yet) and the values GetResponse would have refused, left out so the
 * rest of the contact arrived.
 */
import type { ImportMode, SaveOutcome } from '@ecomail-bridge/shared';
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { savedContactOutputFields, savedContactRecord } from '../destinations/saved-contact';

interface SavedResponse {
  contactId?: string;
  fieldsNotWritten?: Array<{ field: string; reason: string }>;
}

export function getResponseSavedContact(z: ZObject, outcome: SaveOutcome, campaignId: string, mode: ImportMode | undefined) {
  const saved = savedContactRecord(z, outcome, mode);
  const response = (outcome.status === 'saved' ? outcome.response : undefined) as SavedResponse | undefined;
  return {
    ...saved,
    contact_id: response?.contactId ?? null,
    list_id: campaignId,
    fields_not_written: (response?.fieldsNotWritten ?? []).map(({ field, reason }) => `${field}: ${reason}`),
  };
}

export const savedContactSample = {
  email: 'petra.novakova@example.cz',
  already_existed: true,
  import_mode: 'add-and-update',
  contact_id: 'k3Xy',
  list_id: 'V8aBc',
  fields_not_written: [],
};

export const getResponseContactOutputFields: PlainOutputField[] = [
  ...savedContactOutputFields('GetResponse'),
  { key: 'contact_id', label: 'Contact ID', type: 'string' },
  { key: 'list_id', label: 'List ID', type: 'string' },
  { key: 'fields_not_written', label: 'Values Not Written', type: 'string', list: true },
];
