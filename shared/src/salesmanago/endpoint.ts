/**
 * The account's API server as users paste it from Integration Center → API (docs/salesmanago.md
 * §1): `app3.salesmanago.com`, `https://app3.salesmanago.com/` and `…/api` all mean
 * `https://app3.salesmanago.com`. A bare host gets https; an explicit `http://` is kept (sandboxes).
 */
export function normalizeSalesManagoEndpoint(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new TypeError('the SALESmanago endpoint is missing (Integration Center → API)');
  const match = /^(?:(https?):\/\/)?([a-z0-9.-]+(?::\d{1,5})?)(\/[^?#]*)?$/i.exec(trimmed);
  if (!match) throw new TypeError(`"${trimmed.slice(0, 80)}" is not a SALESmanago endpoint such as app3.salesmanago.com`);
  const [, scheme = 'https', host, path = ''] = match;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${path.replace(/\/+$/, '').replace(/\/api$/i, '')}`;
}
