/**
 * The account domain a GetResponse MAX (Enterprise) account sends as `X-Domain`: the bare domain,
 * without a scheme, `www.`, path or trailing slash (docs/getresponse.md §1). Undefined when the
 * field is empty: other plans must not send the header at all.
 */
export function normalizeDomain(value: string | undefined): string | undefined {
  const domain = (value ?? '')
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./i, '')
    .toLowerCase();
  return domain === '' ? undefined : domain;
}
