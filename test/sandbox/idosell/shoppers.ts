/**
 * Invented Czech and Polish shoppers, generated from an index: any of them can be rebuilt alone, so
 * a large shop needs no storage. Czech names come from the GoOut sandbox's generator.
 */
import { person } from '../goout/people';
import { pick, prng } from '../goout/prng';

export interface Shopper {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  zip: string;
  city: string;
  country: 'CZ' | 'PL';
  birthDate: string;
  company: string | null;
}

const PL_FEMALE = ['Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Joanna', 'Magdalena', 'Ewa', 'Zofia'];
const PL_MALE = ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Łukasz', 'Grzegorz', 'Jakub'];
const PL_SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
];
const PL_CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Warszawa', '00-950'],
  ['Kraków', '30-001'],
  ['Wrocław', '50-001'],
  ['Poznań', '60-001'],
  ['Gdańsk', '80-001'],
  ['Łódź', '90-001'],
];
const CZ_CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Praha', '110 00'],
  ['Brno', '602 00'],
  ['Ostrava', '702 00'],
  ['Plzeň', '301 00'],
  ['Olomouc', '779 00'],
];
const PL_STREETS = ['ul. Marszałkowska', 'ul. Floriańska', 'ul. Długa', 'al. Jerozolimskie', 'ul. Piotrkowska'];
const CZ_STREETS = ['Vodičkova', 'Masarykova', 'Nádražní', 'Husova', 'Palackého'];
const PL_DOMAINS = ['wp.pl', 'onet.pl', 'interia.pl', 'gmail.com', 'o2.pl'];
const COMPANIES = ['Kowalski i Syn sp. z o.o.', 'Novák Trade s.r.o.', 'Zielony Ogród S.A.', 'Pekárna U Mlýna s.r.o.'];

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

export function shopper(seed: number, index: number, country: 'CZ' | 'PL'): Shopper {
  const rnd = prng(seed, index, 3);
  let firstName: string;
  let lastName: string;
  let email: string;
  if (country === 'CZ') {
    const czech = person(seed, index, ['cs']);
    ({ firstName, lastName, email } = czech);
  } else {
    const female = rnd() < 0.5;
    firstName = pick(rnd, female ? PL_FEMALE : PL_MALE);
    const pair = pick(rnd, PL_SURNAMES);
    lastName = female ? pair[1] : pair[0];
    email = `${ascii(firstName)}.${ascii(lastName)}${index}@${pick(rnd, PL_DOMAINS)}`;
  }
  const [city, zip] = pick(rnd, country === 'CZ' ? CZ_CITIES : PL_CITIES);
  const street = `${pick(rnd, country === 'CZ' ? CZ_STREETS : PL_STREETS)} ${1 + Math.floor(rnd() * 120)}`;
  const phone = country === 'CZ' ? `+420 6${String(10_000_000 + index).slice(-8)}` : `+48 5${String(10_000_000 + index).slice(-8)}`;
  const year = 1955 + Math.floor(rnd() * 50);
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  const company = rnd() < 0.08 ? pick(rnd, COMPANIES) : null;
  return { firstName, lastName, email, phone, street, zip, city, country, birthDate: `${year}-${month}-${day}`, company };
}
