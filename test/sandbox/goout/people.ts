/**
 * Invented Czech and Slovak buyers for the GoOut sandbox, generated from an index so a million of
 * them need no storage. Some come messy on purpose (ALL CAPS, academic titles, stray spaces), as
 * people type them at checkout.
 */
import { pick, prng } from './prng';

const FEMALE_FIRST = ['Jana', 'Eva', 'Lucie', 'Tereza', 'Kateřina', 'Zuzana', 'Mária', 'Petra', 'Veronika', 'Lenka', 'Ľudmila', 'Barbora', 'Anna', 'Simona', 'Dagmar'];
const MALE_FIRST = ['Petr', 'Jan', 'Tomáš', 'Martin', 'Jiří', 'Pavel', 'Ján', 'Peter', 'Lukáš', 'Michal', 'Ondřej', 'Juraj', 'Marek', 'Ľubomír', 'Vojtěch'];
/** [male, female] surname pairs, Czech and Slovak. */
const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Novák', 'Nováková'],
  ['Svoboda', 'Svobodová'],
  ['Dvořák', 'Dvořáková'],
  ['Černý', 'Černá'],
  ['Procházka', 'Procházková'],
  ['Kučera', 'Kučerová'],
  ['Horváth', 'Horváthová'],
  ['Kováč', 'Kováčová'],
  ['Varga', 'Vargová'],
  ['Tóth', 'Tóthová'],
  ['Nagy', 'Nagyová'],
  ['Baláž', 'Balážová'],
  ['Veselý', 'Veselá'],
  ['Marek', 'Marková'],
];
const TITLES = ['Ing.', 'Mgr.', 'MUDr.', 'Bc.', 'PhDr.'];
const DOMAINS = ['seznam.cz', 'email.cz', 'gmail.com', 'centrum.cz', 'azet.sk', 'post.sk'];

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  language: string;
  country: string | null;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function person(seed: number, index: number, languages: readonly string[]): Person {
  const rnd = prng(seed, index, 1);
  const female = rnd() < 0.5;
  const first = pick(rnd, female ? FEMALE_FIRST : MALE_FIRST);
  const pair = pick(rnd, SURNAMES);
  const last = female ? pair[1] : pair[0];
  const language = pick(rnd, languages);
  const c = rnd();
  const country =
    language === 'cs' ? (c < 0.9 ? 'CZ' : c < 0.95 ? 'SK' : null)
    : language === 'sk' ? (c < 0.9 ? 'SK' : c < 0.95 ? 'CZ' : null)
    : c < 0.5 ? null : c < 0.8 ? 'CZ' : 'SK';
  let email = `${ascii(first)}.${ascii(last)}${index}@${pick(rnd, DOMAINS)}`;
  if (rnd() < 0.02) email = email.toUpperCase();
  let firstName = first;
  let lastName = last;
  const mess = rnd();
  if (mess < 0.03) {
    firstName = firstName.toUpperCase();
    lastName = lastName.toUpperCase();
  } else if (mess < 0.07) {
    firstName = `${pick(rnd, TITLES)} ${firstName}`;
  } else if (mess < 0.1) {
    firstName = `  ${firstName} `;
    lastName = `${lastName}  `;
  }
  return { firstName, lastName, email, language, country };
}
