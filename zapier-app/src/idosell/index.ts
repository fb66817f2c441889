/** The IdoSell app: a shop's Admin API key (custom auth) and the New Order polling trigger. */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/idosell/package.json';
import { answerMiddleware } from '../platform/answer-middleware';
import authentication from './authentication';
import { idoSellAnswers } from './errors';
import newOrder from './triggers/new-order';

export default defineApp({
  version: manifest.version,
  platformVersion: zapier.version,
  authentication,
  afterResponse: [answerMiddleware(idoSellAnswers)],
  triggers: { [newOrder.key]: newOrder },
});
