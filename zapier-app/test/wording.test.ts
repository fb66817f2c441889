/**
 * Point 10 of issue 13: one spelling per app ("email", "organizer"), no internal project name and
 * Ecomail's own name for the key's place, in every text a Zapier user reads.
 */
import EcomailApp from '../src/ecomail';
import EllityApp from '../src/ellity';
import GetResponseApp from '../src/getresponse';
import GoOutApp from '../src/goout';
import SalesManagoApp from '../src/salesmanago';

type Node = unknown;

/** Every label, help text, description and choice label in an app definition (or part of one). */
function userTexts(node: Node, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => userTexts(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['label', 'helpText', 'description', 'placeholder'].includes(key)) found.push(value);
      else userTexts(value, found);
    }
  }
  return found;
}

const offending = (texts: string[], pattern: RegExp) => texts.filter((text) => pattern.test(text));

it('the Ecomail app writes "email", never "e-mail", and names Ecomail’s key path as Ecomail does', () => {
  const texts = userTexts(EcomailApp);
  expect(texts.length).toBeGreaterThan(100);
  expect(offending(texts, /e-mail/i)).toEqual([]);
  expect(offending(texts, /ecomail-bridge/i)).toEqual([]);
  expect(offending(texts, /For developers/).filter((text) => !text.includes('Manage account → For developers'))).toEqual([]);
});

it('the Ellity app writes "email" and points at its own setup text, not an internal template', () => {
  const texts = userTexts(EllityApp);
  expect(offending(texts, /e-mail|ecomail-bridge/i)).toEqual([]);
});

it('the GoOut trigger texts write "organizer", never "organiser"', () => {
  // The connection fields (authentication.ts) belong to the token-refresh work and are checked there.
  const texts = userTexts((GoOutApp as { triggers: unknown }).triggers);
  expect(offending(texts, /organis/i)).toEqual([]);
  expect(offending(texts, /e-mail|ecomail-bridge/i)).toEqual([]);
});

it.each([
  ['GetResponse', GetResponseApp],
  ['SALESmanago', SalesManagoApp],
])('the %s app writes "email", and speaks of its own service, never of Ecomail', (_name, app) => {
  const texts = userTexts(app);
  expect(offending(texts, /e-mail|ecomail/i)).toEqual([]);
});

it('the SALESmanago app speaks of contacts, never of lists, which SALESmanago does not have', () => {
  expect(offending(userTexts(SalesManagoApp), /\blists?\b/i)).toEqual([]);
});
