/** The GoOut app: pasted token pair (session auth) and the New Purchase polling trigger. */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/goout/package.json';
import authentication from './authentication';
import newPurchase from './triggers/new-purchase';

export default defineApp({
  version: manifest.version,
  platformVersion: zapier.version,
  authentication,
  triggers: { [newPurchase.key]: newPurchase },
});
