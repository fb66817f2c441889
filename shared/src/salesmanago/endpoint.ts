/**
 * The account's API server as users paste it from Integration Center → API (docs/salesmanago.md
 * §1): `app3.salesmanago.com`, `https://app3.salesmanago.com/` and `…/api` all mean
 * `https://app3.salesmanago.com`. A bare host gets https; an explicit `http://` is kept (sandboxes).
 */
export function normalizeSalesManagoEndpoint(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new TypeError('the SALESmanago endpoint is missing (Integration Center → API)');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError(`"${trimmed.slice(0, 80)}" is not a SALESmanago endpoint such as app3.salesmanago.com`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
  return `${url.protocol}//${url.host}${path}`;
}
