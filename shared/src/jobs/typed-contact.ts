import type { SubscriberData } from '../ecomail/types';
import { normalizeEmail } from '../ecomail/validation';
import { parsePersonName, personalize } from '../locale';

export interface TypedContactOptions {
  /** Vocative, gender and name day for Czech and Slovak contacts. Default true, as on the GoOut path. */
  personalization?: boolean;
}

/**
 * A contact entered field by field (n8n "Fields Below", Zapier "Create or Update Contact", a CSV
 * row) gets the same clean-up as a GoOut buyer: spaces and case fixed, titles moved to `pretitle`
 * / `surtitle`, and for CZ and SK — or no country, Ecomail's home market — vocative, gender and
 * name day. Values the user typed for those fields win (docs/pipeline.md §5).
 */
export function typedContact(data: SubscriberData, options: TypedContactOptions = {}): SubscriberData {
  const contact: SubscriberData = { ...data, email: typeof data.email === 'string' ? normalizeEmail(data.email) : data.email };
  if (!contact.name && !contact.surname) return contact;
  const person = parsePersonName({ firstName: contact.name ?? null, lastName: contact.surname ?? null });
  if (person.firstName) contact.name = person.firstName;
  else delete contact.name;
  if (person.lastName) contact.surname = person.lastName;
  else delete contact.surname;
  if (person.pretitle && !contact.pretitle) contact.pretitle = person.pretitle;
  if (person.surtitle && !contact.surtitle) contact.surtitle = person.surtitle;
  if (options.personalization === false) return contact;
  const country = typeof contact.country === 'string' ? contact.country.trim().toUpperCase() : '';
  const greeting = personalize({ firstName: person.firstName, lastName: person.lastName, country: country || 'CZ' });
  if (greeting.vokativ && !contact.vokativ) contact.vokativ = greeting.vokativ;
  if (greeting.vokativ_s && !contact.vokativ_s) contact.vokativ_s = greeting.vokativ_s;
  if (greeting.gender && !contact.gender) contact.gender = greeting.gender;
  if (greeting.nameday && !contact.nameday) contact.nameday = greeting.nameday;
  return contact;
}
