/** The IdoSell app: a shop's Admin API key (custom auth) and the New Order polling trigger. */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/idosell/package.json';
import { withErrorMapping } from '../platform/error-mapping';
import authentication from './authentication';
import { idoSellZapierError } from './errors';
import newOrder from './triggers/new-order';

export default withErrorMapping(
  defineApp({
    version: manifest.version,
    platformVersion: zapier.version,
    authentication,
    triggers: { [newOrder.key]: newOrder },
  }),
  idoSellZapierError,
);
