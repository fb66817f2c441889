import type { EcomailSandbox } from '../../sandbox/ecomail';
import type { GoOutSandbox } from '../../sandbox/goout';
import type { GetResponseSandbox } from '../../sandbox/getresponse';
import type { IdoSellSandbox } from '../../sandbox/idosell';
import type { SalesManagoSandbox } from '../../sandbox/salesmanago';
import type { EllityReceiver } from './ellity-receiver';
import type { LeakRig } from './leak-rig';
import type { N8nDatabase } from './n8n-database';
import type { N8nInstance } from './n8n-instance';

/** What every phase of the e2e run works with. */
export interface E2eContext {
  n8n: N8nInstance;
  db: N8nDatabase;
  ecomail: EcomailSandbox;
  goout: GoOutSandbox;
  /** A second GoOut with 1,000 pages of purchase history, for the cost of an idle poll. */
  gooutLongHistory: GoOutSandbox;
  /** A third GoOut whose one credential two published triggers share (the token race). */
  gooutRace: GoOutSandbox;
  /** The IdoSell shop the published IdoSell workflow polls; its key carries the leak marker. */
  idosell: IdoSellSandbox;
  /** A fourth GoOut whose purchases the GetResponse and SALESmanago workflows import. */
  gooutDestinations: GoOutSandbox;
  getresponse: GetResponseSandbox;
  salesmanago: SalesManagoSandbox;
  /** Loopback stand-in for Ellity's inbound subscription URL. */
  ellityReceiver: EllityReceiver;
  /** Stand-ins and proxies that make the leak check's calls fail. */
  leaks: LeakRig;
  /** Throwaway folder of this run (credentials file, workflows, n8n log, packed tarball). */
  workDir: string;
}
