/** GetResponse API v3 shapes as docs/getresponse.md §3–§5 describe them; only the fields we read or send. */

/** A GetResponse "campaign" is a list (docs/getresponse.md §2). */
export interface GetResponseCampaign {
  campaignId: string;
  name: string;
  [key: string]: unknown;
}

export interface GetResponseAccount {
  accountId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  [key: string]: unknown;
}

export interface GetResponseTag {
  tagId: string;
  name: string;
  [key: string]: unknown;
}

export interface GetResponseCustomField {
  customFieldId: string;
  name: string;
  type?: string;
  format?: string;
  valueType?: string;
  /** The allowed values of a choice field; empty for free text. */
  values?: string[];
  [key: string]: unknown;
}

/** What `POST /custom-fields` takes; `hidden` is the string "true" / "false" (§5). */
export interface CustomFieldDefinitionInput {
  name: string;
  type: string;
  format: string;
  hidden: 'true' | 'false';
  values: string[];
}

/** A contact as the contact search lists it: one per e-mail and campaign. */
export interface GetResponseContact {
  contactId: string;
  email: string;
  name?: string | null;
  campaign?: { campaignId: string; name?: string };
  dayOfCycle?: string | null;
  [key: string]: unknown;
}

/** A custom-field value on the wire: always an array of strings (§5). */
export interface CustomFieldValueInput {
  customFieldId: string;
  value: string[];
}

/** `POST /contacts` (create, §3.1). */
export interface CreateContactInput {
  email: string;
  campaignId: string;
  name?: string;
  tagIds?: readonly string[];
  customFieldValues?: readonly CustomFieldValueInput[];
  /** "0" enters the campaign's autoresponder cycle; absent leaves the contact out of it. */
  dayOfCycle?: string;
}

/** `POST /contacts/{id}` (update, §3.2): a collection that is sent replaces the contact's own. */
export interface UpdateContactInput {
  name?: string;
  tagIds?: readonly string[];
}

/** `POST /imports` (§4): columns by name, rows of strings. */
export interface ImportInput {
  campaignId: string;
  fieldMapping: readonly string[];
  contacts: ReadonlyArray<readonly string[]>;
}

export type ImportState = 'uploaded' | 'to_review' | 'review' | 'approved' | 'finished' | 'rejected' | 'canceled';

export interface ImportStatistics {
  uploaded?: number;
  invalid?: number;
  updated?: number;
  addedToList?: number;
  [key: string]: unknown;
}

export interface GetResponseImport {
  importId: string;
  state: ImportState | string;
  statistics?: ImportStatistics;
  [key: string]: unknown;
}
