import { IMPORT_MODES, isImportMode, type CategorySource, type DestinationName, type ImportMode, type ShopConsentMode, type TagHandling } from '@ecomail-bridge/shared/node';
import { InvalidArgumentError } from 'commander';
import type { CredentialFlags } from './config';

/** Options shared by every import command (commander's camelCase names). */
export interface ImportFlags extends CredentialFlags {
  /** Where the contacts go; absent on commands that write to Ecomail only. */
  to?: DestinationName;
  /** Ecomail list id. */
  list?: string;
  /** GetResponse campaign (list) id. */
  campaign?: string;
  mode: ImportMode;
  max?: number;
  dryRun?: boolean;
  checkpoint?: string;
  report?: string;
  pace?: number;
  confirmPermission?: boolean;
  /** The core's subscribe choices: absent unless given, so the core's default applies. */
  resubscribe?: boolean;
  triggerAutomations?: boolean;
  tagHandling: TagHandling;
  /** false from the older alias of `--tag-handling replace`. */
  keepExistingTags?: boolean;
}

export interface GoOutFlags extends ImportFlags {
  since?: string;
  organizer?: string;
  personalization: boolean;
  eventFields?: boolean;
  /** Absent unless given: the core's source decides. */
  includeRefunded?: boolean;
  /** Absent unless given: the core's GoOut job decides. */
  orders?: boolean;
  shop?: string;
}

export interface IdoSellFlags extends ImportFlags {
  since?: string;
  consentMode: ShopConsentMode;
  categorySource: CategorySource;
  /** Absent unless given: the core's shop job decides. */
  orders?: boolean;
  shop?: string;
  personalization: boolean;
  subscribers: boolean;
  registeredTag?: string;
  newsletterTag?: string;
  requestBudget?: number;
  requestsPerMinute?: number;
}

export interface EllityFlags extends ImportFlags {
  file: string;
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}

export function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a number above 0');
  return number;
}

export function listId(value: string): string {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected the numeric id of an Ecomail list');
  return value.trim();
}

export function campaignId(value: string): string {
  if (!/^[A-Za-z0-9]+$/.test(value.trim())) throw new InvalidArgumentError('expected the id of a GetResponse campaign (letters and digits, e.g. V8aBc)');
  return value.trim();
}

export function importMode(value: string): ImportMode {
  if (!isImportMode(value)) throw new InvalidArgumentError(`use one of ${IMPORT_MODES.map((mode) => mode.value).join(', ')}`);
  return value;
}

export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}
