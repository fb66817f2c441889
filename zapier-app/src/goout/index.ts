/** The GoOut app: pasted token pair (session auth) and the New Purchase polling trigger. */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/goout/package.json';
import { withErrorMapping } from '../platform/error-mapping';
import authentication from './authentication';
import { goOutZapierError } from './errors';
import newPurchase from './triggers/new-purchase';
import organizer from './triggers/organizer';

export default withErrorMapping(
  defineApp({
    version: manifest.version,
    platformVersion: zapier.version,
    authentication,
    triggers: { [organizer.key]: organizer, [newPurchase.key]: newPurchase },
  }),
  goOutZapierError,
);
