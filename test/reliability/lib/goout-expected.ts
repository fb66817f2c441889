/**
 * The contacts a GoOut backfill must produce, read straight from the sandbox's dataset (not from
 * the code under test): every organiser purchase with an e-mail, as one lower-cased address.
 */
import type { GoOutSandbox } from '../../sandbox/goout';
import { ORGANIZER_ID } from '../../sandbox/goout';

export function expectedGoOutEmails(goout: GoOutSandbox): Set<string> {
  const data = goout.state.dataset();
  const emails = new Set<string>();
  for (let position = 0; position < data.saleCount; position++) {
    const sale = data.sale(position);
    if (sale.organizerId !== ORGANIZER_ID) continue;
    const count = data.salePurchaseCount(sale);
    for (let i = 0; i < count; i++) {
      const purchase = data.purchase(sale, i, false) as { attributes: { email: string | null } };
      const email = purchase.attributes.email?.trim().toLowerCase();
      if (email) emails.add(email);
    }
  }
  return emails;
}
