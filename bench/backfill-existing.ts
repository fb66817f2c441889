/**
 * Tag keeping at near-bulk cost (issue 11): our backfill with tags kept (the CLI's default) into a
 * list where 10% of the buyers already exist — in list 1 (a quarter of them unsubscribed), only in
 * another list, or in both — each with tags of their own. The existing contacts are seeded through
 * the API first with another key and not counted; afterwards every one of their tags must still be
 * on the contact, or the bench fails.
 */
import { callsByEndpoint, existingBuyers, lostTags, organiserPurchases, seedExistingBuyers } from '../cli/test/existing-buyers';
import { startEcomailSandbox } from '../test/sandbox/ecomail';
import type { GoOutSandbox } from '../test/sandbox/goout';
import { backfillOurs, type BackfillFigures } from './backfill-ours';
import type { GoOutAccess } from './goout';
import { LIMIT, WINDOW_MS } from './scale';

export const EXISTING_SHARE = 0.1;
const SEED_KEY = 'bench-seed';
const RUN_KEY = 'ours-existing';

export interface ExistingFigures extends BackfillFigures {
  /** Ecomail calls of the backfill by `METHOD /path`, as the sandbox received them. */
  byEndpoint: Record<string, number>;
  existing: { contacts: number; tags: number; inTargetList: number; onlyInOtherList: number; unsubscribed: number };
  /** `GET /subscribers/{email}` of a seeded contact, and of a buyer this run wrote in an earlier batch. */
  reads: { seeded: number; writtenEarlierInRun: number };
}

export async function backfillIntoExisting(goout: { sandbox: GoOutSandbox; access: () => GoOutAccess }): Promise<ExistingFigures> {
  const ecomail = await startEcomailSandbox({ apiKeys: [SEED_KEY, RUN_KEY], rateLimit: { requests: LIMIT, windowMs: WINDOW_MS } });
  try {
    const emails = organiserPurchases(goout.sandbox).map((purchase) => purchase.email);
    await seedExistingBuyers({ url: ecomail.url, apiKey: SEED_KEY }, emails, { share: EXISTING_SHARE, unsubscribeEvery: 4 });
    const before = existingBuyers(ecomail.state);
    const seeding = ecomail.state.calls().length;
    // Tags kept and orders sent: what `backfill goout` does without options.
    const figures = await backfillOurs(goout.access(), { url: ecomail.url, apiKey: RUN_KEY }, { tagHandling: 'add', orders: true });
    const lost = lostTags(ecomail.state, before);
    if (lost.length > 0) throw new Error(`tag keeping lost ${lost.length} existing tags, e.g. ${lost.slice(0, 3).join('; ')}`);
    const calls = ecomail.state.calls().slice(seeding);
    const read = calls.filter((call) => call.path.startsWith('/subscribers/')).map((call) => decodeURIComponent(call.path.slice('/subscribers/'.length)));
    const seeded = read.filter((email) => before.tags.has(email)).length;
    return {
      ...figures,
      byEndpoint: callsByEndpoint(calls),
      reads: { seeded, writtenEarlierInRun: read.length - seeded },
      existing: {
        contacts: before.tags.size,
        tags: [...before.tags.values()].reduce((sum, tags) => sum + tags.length, 0),
        inTargetList: before.inTargetList,
        onlyInOtherList: before.onlyInOtherList,
        unsubscribed: before.unsubscribed,
      },
    };
  } finally {
    await ecomail.close();
  }
}
