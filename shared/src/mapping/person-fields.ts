import type { SubscriberData } from '../ecomail/types';
import { MAX_TAG_LENGTH } from '../ecomail/validation';
import { parsePersonName, personalize } from '../locale';

export interface PersonInput {
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  language: string | null;
}

/**
 * A buyer's name onto a contact, the same way for every source: cleaned, titles moved to
 * `pretitle` / `surtitle`, and (unless turned off) vocative, gender and name day for CZ / SK.
 */
export function addPersonFields(subscriber: SubscriberData, buyer: PersonInput, personalization: boolean): void {
  const person = parsePersonName({ firstName: buyer.firstName, lastName: buyer.lastName });
  if (person.firstName) subscriber.name = person.firstName;
  if (person.lastName) subscriber.surname = person.lastName;
  if (person.pretitle) subscriber.pretitle = person.pretitle;
  if (person.surtitle) subscriber.surtitle = person.surtitle;
  if (!personalization) return;
  const greeting = personalize({ firstName: person.firstName, lastName: person.lastName, country: buyer.country, language: buyer.language });
  if (greeting.vokativ) subscriber.vokativ = greeting.vokativ;
  if (greeting.vokativ_s) subscriber.vokativ_s = greeting.vokativ_s;
  if (greeting.gender) subscriber.gender = greeting.gender;
  if (greeting.nameday) subscriber.nameday = greeting.nameday;
}

/** The user's extra tags: trimmed, cut to Ecomail's 50 characters, empty ones dropped. */
export function cleanExtraTags(tags: readonly string[] | undefined): string[] {
  return (tags ?? []).map((tag) => tag.trim().slice(0, MAX_TAG_LENGTH)).filter((tag) => tag !== '');
}
