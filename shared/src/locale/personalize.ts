import { detectGender, genderFromSurname, type Gender } from './gender';
import { nameDay } from './name-day';
import { parsePersonName } from './parse-person-name';
import { vocative } from './vocative';

export interface PersonalizeInput {
  firstName?: string | null;
  lastName?: string | null;
  country?: string | null;
  language?: string | null;
}

/** The contact fields Ecomail uses for greetings and name-day mails. */
export interface Personalization {
  vokativ?: string;
  vokativ_s?: string;
  gender?: Gender;
  nameday?: string;
}

type Market = 'CZ' | 'SK';

/** CZ/SK by country; with no country, by the contact's language ('cs', 'sk', also 'cs-CZ'). */
function marketOf(country: string | null | undefined, language: string | null | undefined): Market | undefined {
  if (country === 'CZ' || country === 'SK') return country;
  const code = (country ?? '').trim().toUpperCase();
  if (code === 'CZ' || code === 'SK') return code;
  if (code !== '') return undefined;
  const lang = (language ?? '').trim().toLowerCase().slice(0, 2);
  if (lang === 'cs' || lang === 'cz') return 'CZ';
  if (lang === 'sk') return 'SK';
  return undefined;
}

/**
 * Ecomail's `vokativ`, `vokativ_s`, `gender` and `nameday` for a Czech or Slovak contact; `{}` for
 * anyone else. Slovak greets with the nominative ("Dobrý deň, Peter"), so Slovak contacts get their
 * cleaned names as they are, and the Slovak name-day calendar.
 */
export function personalize(input: PersonalizeInput): Personalization {
  const market = marketOf(input.country, input.language);
  if (market === undefined) return {};
  const { firstName, lastName } = parsePersonName(input);
  const gender = (firstName ? detectGender(firstName) : undefined) ?? (lastName ? genderFromSurname(lastName) : undefined);
  const result: Personalization = {};
  if (firstName) result.vokativ = market === 'CZ' ? vocative(firstName, { gender }) : firstName;
  if (lastName) result.vokativ_s = market === 'CZ' ? vocative(lastName, { gender, surname: true }) : lastName;
  if (gender) result.gender = gender;
  const day = firstName ? nameDay(firstName, market) : undefined;
  if (day) result.nameday = day;
  return result;
}
