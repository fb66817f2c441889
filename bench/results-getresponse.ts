/** Section e. of bench/RESULTS.md: GoOut purchases into GetResponse. */
import { getResponseFloorMs, type GetResponseFigures } from './backfill-getresponse';
import { int, min, sec } from './format';
import { SCALE } from './scale';

/** Real time of a run: its work, and never less than our 10 calls a second allow for its calls. */
export function getResponseRealMs(f: GetResponseFigures): number {
  return Math.max(f.ms - f.waitedMs, getResponseFloorMs(f.calls));
}

export function getResponseSection(r: { keepTags: GetResponseFigures; replaceTags: GetResponseFigures }): string {
  const row = (name: string, f: GetResponseFigures) =>
    `| ${name} | ${int(f.purchases)} | ${int(f.contacts)} | ${int(f.created)} | ${int(f.skipped)} | ${int(f.imports)} | ${int(f.calls)} | ${sec(f.ms)} | **${min(getResponseRealMs(f))}** |`;
  const endpoints = [...new Set([...Object.keys(r.keepTags.byEndpoint), ...Object.keys(r.replaceTags.byEndpoint)])].sort();
  return `## f. GoOut purchases into GetResponse

The CLI's path for \`backfill goout --to getresponse\` (bench/backfill-getresponse.ts): the same GoOut purchase stream →
batches of 5,000 → \`syncGoOutPurchases\` through the GetResponse destination, at most 10,000 contacts a run, no orders
(GetResponse keeps none). The GetResponse sandbox enforces GetResponse's limits on a ${SCALE}× clock (30,000 calls per minute
instead of per 10 minutes, 800 a second instead of 80); our client paces itself at its own 10 calls a second over a
${1000 / SCALE} ms window, and queued creates and the adapter's waits are a tenth as long. "Real world" is the larger of the work
(measured minus waiting) and our pace's floor (calls / 10 s). The sandbox finishes an import at once; how long the real
GetResponse takes to review one is not known and not included.

| Run | purchases | contacts | created | skipped | imports | GetResponse calls | measured (${SCALE}× clock) | real world |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${row('keeping tags (the default): large groups through imports', r.keepTags)}
${row('replacing tags: one contact at a time', r.replaceTags)}

"skipped" are the buyers without newsletter consent who are not in the campaign yet (GetResponse has only subscribers,
so none is created for them) and the purchases the GoOut source skips (no e-mail, already refunded). Existing contacts
are found from one listing of the campaign per run (1,000 a page), not one lookup per buyer.

| GetResponse endpoint | keeping tags | replacing tags |
| --- | ---: | ---: |
${endpoints.map((e) => `| \`${e}\` | ${int(r.keepTags.byEndpoint[e] ?? 0)} | ${int(r.replaceTags.byEndpoint[e] ?? 0)} |`).join('\n')}

`;
}
