/**
 * What one row's outcome from the core's `saveContacts` means in a Zap: saved → the contact as
 * Ecomail now stores it (read back once, so later steps see real data); "only update existing"
 * left it out → HaltedError, which tells the user without counting as a failed run; refused
 * locally → an input error with the core's reason; refused by Ecomail → that error, as thrown.
 */
import { normalizeEmail, type EcomailClient, type ImportMode, type SaveOutcome } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { zapierWording } from '../platform/wording';
import { contactOutput, type ContactOutput } from './contact-output';

export type SavedContact = ContactOutput & {
  already_subscribed: boolean;
  import_mode: ImportMode | null;
};

export function assertSaved(z: ZObject, outcome: SaveOutcome): void {
  if (outcome.status === 'skipped') throw new z.errors.HaltedError(zapierWording(`${outcome.email} was not saved: ${outcome.reason}.`));
  if (outcome.status === 'rejected') throw new z.errors.Error(zapierWording(outcome.reason), 'InvalidInput', 400);
  if (outcome.status === 'failed') throw outcome.error;
}

export async function savedContact(
  z: ZObject,
  client: EcomailClient,
  listId: string,
  outcome: SaveOutcome,
  mode: ImportMode | undefined,
): Promise<SavedContact> {
  assertSaved(z, outcome);
  const email = normalizeEmail(outcome.email);
  const member = (await client.getListContact(listId, email)) ?? { email };
  return {
    ...contactOutput(member, listId),
    already_subscribed: outcome.status === 'saved' && outcome.alreadySubscribed === true,
    import_mode: mode ?? null,
  };
}
