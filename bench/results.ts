/** bench/RESULTS.md from the figures of one run. */
import { EXISTING_SHARE, type ExistingFigures } from './backfill-existing';
import type { GetResponseFigures } from './backfill-getresponse';
import type { BackfillFigures } from './backfill-ours';
import type { IdoSellFigures } from './idosell';
import { int, min, sec } from './format';
import type { MappingFigures } from './mapping';
import type { N8nFigures } from './n8n-items';
import { getResponseRealMs, getResponseSection } from './results-getresponse';
import { floorMs, LIMIT, realWorldMs, SCALE, WINDOW_MS } from './scale';

export interface Results {
  quick: boolean;
  machine: string;
  date: string;
  totalMs: number;
  sizes: { full: number; sample: number; rss: number[]; mappingMs: number; n8nBulk: number; n8nPerItem: number; shopOrders: number };
  backfill: {
    oursFull: BackfillFigures;
    oursSample: BackfillFigures;
    oursKeepTags: BackfillFigures;
    oursExisting: ExistingFigures;
    perContact: BackfillFigures & { throttled: number };
  };
  mapping: MappingFigures;
  rss: Array<BackfillFigures & { maxRssBytes: number }>;
  n8n: { bulk: N8nFigures; perItem: N8nFigures };
  idosell: { consented: IdoSellFigures; everybody: IdoSellFigures };
  getresponse: { keepTags: GetResponseFigures; replaceTags: GetResponseFigures };
}

/** Tag keeping before issue 11 read every contact first: the 2026-11-22 run, 10,000 purchases into an empty list. */
const READ_EVERY_CONTACT = { calls: 9_745, purchases: 10_000, measured: '2026-11-22' };
/** Issue 11's goal for 10,000 purchases with 10% of the buyers existing. */
const EXISTING_GOAL = { calls: 1_300, purchases: 10_000 };

const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
const real = (f: BackfillFigures) => realWorldMs(f.ms, f.waitedMs, f.ecomailCalls);

export function renderResults(r: Results): string {
  const { oursFull, oursSample, oursKeepTags, oursExisting, perContact } = r.backfill;
  const share = `${Math.round(EXISTING_SHARE * 100)}%`;
  const goal = (EXISTING_GOAL.calls * oursExisting.purchases) / EXISTING_GOAL.purchases;
  const factor = oursFull.purchases / perContact.purchases;
  const perContactCalls = perContact.ecomailCalls * factor;
  const perContactFull = { calls: perContactCalls, realMs: realWorldMs((perContact.ms - perContact.waitedMs) * factor, 0, perContactCalls) };
  const oursFloor = floorMs(oursFull.ecomailCalls);
  const perItemFactor = r.n8n.bulk.items / r.n8n.perItem.items;
  const perItemCalls = r.n8n.perItem.ecomailCalls * perItemFactor;
  const perItemMs = realWorldMs(r.n8n.perItem.ms * perItemFactor, 0, perItemCalls);
  const row = (name: string, f: BackfillFigures, note = '') =>
    `| ${name} | ${int(f.purchases)} | ${int(f.contacts)} | ${int(f.ecomailCalls)} | ${sec(f.ms)} | ${sec(f.waitedMs)} | **${min(real(f))}**${note} |`;

  return `# Benchmarks

${r.quick ? '> **Quick run** (`npm run bench -- --quick`): smaller sizes, figures are indicative only.\n\n' : ''}Measured ${r.date} on ${r.machine}. The whole run took ${min(r.totalMs)}.

\`\`\`bash
npm run bench${r.quick ? ' -- --quick' : ''}        # writes bench/${r.quick ? 'RESULTS.quick.md' : 'RESULTS.md'}; --quick for a smaller run
\`\`\`

**Clock.** Ecomail allows ${int(LIMIT)} requests a minute per API key. The Ecomail sandbox enforces that limit (429 +
Retry-After) over a ${WINDOW_MS / 1000}-second window instead of 60 s — a ${SCALE}× faster clock — and our client gets the same
scale (\`rateLimitPerMinute: ${LIMIT}, rateLimitWindowMs: ${WINDOW_MS}\`). "Measured" is wall time on that clock. "Real world" converts
it back: the work (measured time minus the time spent waiting for the limit: CPU, local HTTP) is kept, and no run is
counted faster than the real limit allows for its number of calls (the first ${int(LIMIT)} at once, then ${int(LIMIT)} per minute) —
the most generous reading for the rate-bound per-contact runs, which pace themselves evenly and would take a little longer.
The sandboxes run on 127.0.0.1, so network latency to the real services is not included.

## Headline

| | ours | per contact | ratio |
| --- | ---: | ---: | ---: |
| Ecomail API calls for ${int(oursFull.purchases)} GoOut purchases | ${int(oursFull.ecomailCalls)} | ${int(perContactFull.calls)} (extrapolated) | **${ratio(perContactFull.calls, oursFull.ecomailCalls)} fewer** |
| Real-world time for ${int(oursFull.purchases)} purchases | ${min(real(oursFull))} | ${min(perContactFull.realMs)} (extrapolated) | **${ratio(perContactFull.realMs, real(oursFull))} faster** |
| Same ${int(perContact.purchases)}-purchase sample, both measured: calls / real-world time | ${int(oursSample.ecomailCalls)} / ${min(real(oursSample))} | ${int(perContact.ecomailCalls)} / ${min(real(perContact))} | ${ratio(perContact.ecomailCalls, oursSample.ecomailCalls)} / ${ratio(real(perContact), real(oursSample))} |
| n8n, ${int(r.n8n.bulk.items)} items in one execution: calls / time | ${int(r.n8n.bulk.ecomailCalls)} / ${min(r.n8n.bulk.ms)} | ${int(perItemCalls)} / ${min(perItemMs)} (extrapolated) | ${ratio(perItemCalls, r.n8n.bulk.ecomailCalls)} / ${ratio(perItemMs, r.n8n.bulk.ms)} |
| Keeping tags, ${int(oursExisting.purchases)} purchases into a list where ${share} of the buyers exist: Ecomail calls | ${int(oursExisting.ecomailCalls)} | ${int(READ_EVERY_CONTACT.calls)} for ${int(READ_EVERY_CONTACT.purchases)} before issue 11 (every contact read) | **${ratio(READ_EVERY_CONTACT.calls, oursExisting.ecomailCalls)} fewer** |
| Mapping (clean-up, vocative, name day, tags), one core | ${int(r.mapping.perSecond)} contacts/s | | |
| IdoSell, ${int(r.idosell.consented.orders)} orders + ${int(r.idosell.consented.subscribers)} subscribers: IdoSell requests / Ecomail calls | ${int(r.idosell.consented.idosellRequests)} / ${int(r.idosell.consented.ecomailCalls)} | | |
| Peak RSS of a streamed ${int(r.rss[r.rss.length - 1].purchases)}-purchase backfill | ${(r.rss[r.rss.length - 1].maxRssBytes / 2 ** 20).toFixed(0)} MiB | | |
| GetResponse, ${int(r.getresponse.keepTags.purchases)} purchases (section f.): calls / real-world time | ${int(r.getresponse.keepTags.calls)} / ${min(getResponseRealMs(r.getresponse.keepTags))} | | |

## a. Backfill of GoOut purchases into Ecomail

Ours is the CLI's path (\`runImport\` from cli/src/importer.ts with the writer \`backfill goout\` builds): the core's GoOut
purchase stream → batches of 3,000 purchases → the core's GoOut job (\`syncGoOutPurchases\`: map, merge per buyer,
\`subscribe-bulk\`). Orders are off in the runs compared with the per-contact loop, which writes none. The per-contact baseline
(bench/backfill-per-contact.ts) is a plain axios loop, one \`POST /lists/1/subscribe\` per purchase, as a hand-made HTTP
flow does it; it gets its best case: it paces itself to exactly ${int(LIMIT)} calls a window and honours Retry-After
(${int(perContact.throttled)} calls were throttled). Both read and map purchases with the same core code, so only the way
of writing differs. Only Ecomail calls are counted; GoOut reads are the same for both and not rate-limited here.

| Run | purchases | contacts | Ecomail calls | measured (${SCALE}× clock) | waited for the limit | real world |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('ours, full set', oursFull)}
${row('per contact, sample', perContact)}
| per contact, full set (sample × ${factor.toFixed(1)}) | ${int(perContact.purchases * factor)} | | ${int(perContactFull.calls)} | | | **${min(perContactFull.realMs)}** |
${row('ours, same sample', oursSample)}
${row('ours keeping existing tags, same sample, empty list', oursKeepTags)}
${row(`ours keeping existing tags, same sample, ${share} of the buyers exist, orders on`, oursExisting)}

"contacts": ours counts the rows sent after collapsing repeat buyers within each 3,000-purchase batch (a buyer
returning in a later batch is sent again); the per-contact loop sends every purchase and the figure is its distinct buyers.

- **Ours vs per contact**: ${ratio(perContactFull.calls, oursFull.ecomailCalls)} fewer calls and ${ratio(perContactFull.realMs, real(oursFull))} less real-world time on the full set
  (the per-contact run on ${int(r.sizes.full)} purchases would take ${min(floorMs(perContactFull.calls, WINDOW_MS))} even on the scaled clock, so it ran on
  a ${int(perContact.purchases)}-purchase sample and was extrapolated linearly: calls × ${factor.toFixed(1)}, time = the larger of its work × ${factor.toFixed(1)} and the limit's floor).
- **Ours vs the floor**: the limit alone allows ${int(oursFull.ecomailCalls)} calls in ${sec(oursFloor)} (calls / ${int(LIMIT)} × 60 s, the
  first ${int(LIMIT)} free); ours took ${min(real(oursFull))} real world, so it is ${oursFloor === 0 ? 'not rate-bound at all: its time is reading GoOut, mapping and the sandbox taking the rows' : `${ratio(real(oursFull), oursFloor)} the floor`}.
- **Keeping existing tags reads only the contacts that exist.** Ecomail replaces a contact's whole tag set on every
  write, so the CLI's default (\`--tag-handling add\`) must read a contact's tags before writing it — but only for contacts
  that exist. The core lists every list's members once per run (5,000 a page, no tags), reads just those contacts, and
  sends everybody else in bulk with \`update_existing: false\`, which cannot touch a contact that exists after all. Into an
  empty list that costs ${int(oursKeepTags.ecomailCalls - oursSample.ecomailCalls)} calls more than replacing tags (the listing plan, and one more bulk call per batch
  for buyers who come back from an earlier batch, written as existing contacts with the tags the run gave them). Before issue 11 it read every contact: ${int(READ_EVERY_CONTACT.calls)} calls for ${int(READ_EVERY_CONTACT.purchases)} purchases
  (measured ${READ_EVERY_CONTACT.measured}).

### Tag keeping when ${share} of the buyers already exist

bench/backfill-existing.ts seeds, through the API and with another key (not counted), every ${Math.round(1 / EXISTING_SHARE)}th distinct buyer of
the ${int(oursExisting.purchases)}-purchase sample as an existing contact with tags of its own: ${int(oursExisting.existing.contacts)} contacts carrying
${int(oursExisting.existing.tags)} tags, ${int(oursExisting.existing.inTargetList)} of them in the target list 1 (${int(oursExisting.existing.unsubscribed)} unsubscribed from it) and
${int(oursExisting.existing.onlyInOtherList)} only in list 2. Then the backfill runs as \`backfill goout\` does without options: tags kept, an order per purchase.
**${int(oursExisting.ecomailCalls)} Ecomail calls** (goal for ${int(oursExisting.purchases)} purchases: ≤ ${int(goal)}, ${oursExisting.ecomailCalls <= goal ? 'met' : '**not met**'}) in ${min(real(oursExisting))} real world,
against ${int(READ_EVERY_CONTACT.calls)} for ${int(READ_EVERY_CONTACT.purchases)} purchases before issue 11. After the run every one of the ${int(oursExisting.existing.tags)} pre-existing tags was still on its
contact (checked contact by contact; the bench fails otherwise).

| Ecomail endpoint | calls |
| --- | ---: |
${Object.entries(oursExisting.byEndpoint)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  .map(([endpoint, calls]) => `| \`${endpoint}\` | ${int(calls)} |`)
  .join('\n')}

\`GET /subscribers/:email\` are the reads of existing contacts: ${int(oursExisting.reads.seeded)} of seeded contacts and ${int(oursExisting.reads.writtenEarlierInRun)} of buyers who come back
in a later 3,000-purchase batch of the same run (the core's \`ContactDirectory\` keeps the tags of the contacts the run
itself created, so it needs no read for them — unless automations ran for them, which may have added tags). The listings (\`GET /lists/{id}/subscribers\`) are read once per run and status, whatever
the number of batches; \`GET /lists/1\` is also the CLI's check of the list before anything moves. The sandbox's count
includes any call it throttled (429) and the client then repeated.

## b. Mapping throughput

\`mapGoOutPurchase\` with event fields (name clean-up, titles, vocative and surname vocative, gender, CZ/SK name day, GoOut
and category tags): **${int(r.mapping.perSecond)} contacts per second** on one core (${int(r.mapping.mapped)} mappings of
${int(r.mapping.distinctPurchases)} distinct purchases in ${sec(r.mapping.cpuMs)} of CPU time, after one warm-up pass). The rate is
per second of the process's CPU time, so other work on the machine does not lower it; per second of wall time it was
${int(r.mapping.wallPerSecond)} (${sec(r.mapping.ms)}), the same figure when the core is not shared. At this rate mapping
${int(oursFull.purchases)} purchases costs ${sec((oursFull.purchases / r.mapping.perSecond) * 1000)} of CPU.

## c. Memory of a streamed backfill

Each backfill ran in its own child process (bench/rss-child.ts, our path as in a.) against the sandboxes in the parent;
peak RSS is \`process.resourceUsage().maxRSS\` of the child at the end (Node, tsx and axios included).

| purchases | contacts | Ecomail calls | measured | peak RSS |
| ---: | ---: | ---: | ---: | ---: |
${r.rss.map((f) => `| ${int(f.purchases)} | ${int(f.contacts)} | ${int(f.ecomailCalls)} | ${min(f.ms)} | **${(f.maxRssBytes / 2 ** 20).toFixed(0)} MiB** |`).join('\n')}

Memory stays flat with size: the stream holds one GoOut page and one 3,000-purchase batch at a time.

## d. n8n: items through the Ecomail node

n8n's engine (n8n-core \`WorkflowExecute\`, the headless runner of the package's tests) runs the built Ecomail node with
GoOut purchases as input items ("Map From: GoOut Purchase", tag handling "Replace", no orders). Bulk is all items in
one execution, which the core sends in bulk; per item is one execution per purchase (a workflow started by each
purchase, as a webhook starts it): one \`POST /subscribe\` each.
The node builds its own Ecomail client with the real limit (${int(LIMIT)} a minute), which cannot be scaled from outside, so
this part runs against a sandbox with the real limit and no conversion: both measured runs stay within one
minute's ${int(LIMIT)} calls. The per-item run of ${int(r.n8n.bulk.items)} items would wait ${min(floorMs(perItemCalls))} for the limit alone, so it ran on ${int(r.n8n.perItem.items)} items and
was extrapolated: the larger of measured time × ${perItemFactor.toFixed(0)} and the limit's floor for ${int(perItemCalls)} calls.

| Run | items | Ecomail calls | time |
| --- | ---: | ---: | ---: |
| bulk (default) | ${int(r.n8n.bulk.items)} | ${int(r.n8n.bulk.ecomailCalls)} | **${min(r.n8n.bulk.ms)}** |
| one request per item, measured | ${int(r.n8n.perItem.items)} | ${int(r.n8n.perItem.ecomailCalls)} | ${min(r.n8n.perItem.ms)} |
| one request per item, ${int(r.n8n.bulk.items)} items (extrapolated) | ${int(r.n8n.bulk.items)} | ${int(perItemCalls)} | **${min(perItemMs)}** |

Bulk vs per item: **${ratio(perItemCalls, r.n8n.bulk.ecomailCalls)} fewer calls, ${ratio(perItemMs, r.n8n.bulk.ms)} faster**. With the node's default tag handling
("Add to Existing Tags") a single item reads its contact first (one extra call), while a bulk execution reads only
the contacts that already exist (section a); "Also Create Order" adds one bulk order call per execution. Both were
off here.

${renderIdoSell(r.idosell)}
${getResponseSection(r.getresponse)}## Files

bench/run.ts (the run), scale.ts (the clock), backfill-ours.ts, backfill-per-contact.ts, mapping.ts, rss-child.ts,
n8n-items.ts, backfill-getresponse.ts, goout.ts (GoOut sandbox, one sale per 2,500 purchases), idosell.ts, results.ts and
results-getresponse.ts (this file).
No test asserts timings.
`;
}


const gateTable = (counts: Record<string, number>, name: string) =>
  `| ${name} | calls |\n| --- | ---: |\n${Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, n]) => `| \`${key}\` | ${int(n)} |`)
    .join('\n')}`;

function renderIdoSell(r: Results['idosell']): string {
  const row = (label: string, f: IdoSellFigures) =>
    `| ${label} | ${int(f.contacts)} | ${int(f.ecomailOrders)} | ${int(f.idosellRequests)} | ${int(f.ecomailCalls)} | ${sec(f.ms)} |`;
  const { consented } = r;
  return `## e. IdoSell backfill

bench/idosell.ts runs \`backfill idosell --list 1\` in process against the IdoSell sandbox shop (${int(consented.orders)} orders of a
Czech and a Polish shop, customer accounts with per-shop approvals, guests, category paths three levels deep) and an
Ecomail sandbox: the shop's ${int(consented.subscribers)} newsletter subscribers without an account first, then every order, tags kept
(the default). IdoSell requests are what a CLOUD shop pays for against its monthly cap; Ecomail's limit is not
enforced in this part (these are counts; at ${int(LIMIT)} calls a minute none of these runs would wait).

| Consent mode | contacts | orders | IdoSell requests | Ecomail calls | measured |
| --- | ---: | ---: | ---: | ---: | ---: |
${row('only shoppers who consented (default)', consented)}
${row('everybody (service messages only without consent)', r.everybody)}

${gateTable(consented.idosellByGate, 'IdoSell gate (default mode)')}

${gateTable(consented.ecomailByEndpoint, 'Ecomail endpoint (default mode)')}

One order search per 100 orders, one client read per page of orders with customers not read yet, one product search for
every product not seen before in the run (docs/idosell.md §6–§8): the request count grows with the orders, not with their
lines or repeated customers. New contacts need no read to keep tags (docs/pipeline.md §4).
`;
}
