/** The GoOut app: pasted token pair (session auth) and the New Purchase polling trigger. */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/goout/package.json';
import { answerMiddleware } from '../platform/answer-middleware';
import authentication from './authentication';
import { goOutAnswers } from './errors';
import newPurchase from './triggers/new-purchase';
import organizer from './triggers/organizer';

export default defineApp({
  version: manifest.version,
  platformVersion: zapier.version,
  authentication,
  afterResponse: [answerMiddleware(goOutAnswers)],
  triggers: { [organizer.key]: organizer, [newPurchase.key]: newPurchase },
});
