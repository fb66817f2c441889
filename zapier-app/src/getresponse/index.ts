/**
 * The GetResponse app: an API-key connection, the list dropdown and the creates that carry
 * contacts, GoOut buyers and Ellity events into a GetResponse list through the core's jobs.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/getresponse/package.json';
import { answerMiddleware } from '../platform/answer-middleware';
import { withErrorMapping } from '../platform/error-mapping';
import authentication from './authentication';
import addGoOutBuyer from './creates/add-goout-buyer';
import createOrUpdateContact from './creates/create-or-update-contact';
import recordEllityEvent from './creates/record-ellity-event';
import { getResponseAnswers, getResponseCoreError } from './errors';
import campaign from './triggers/campaign';

export default withErrorMapping(
  defineApp({
    version: manifest.version,
    platformVersion: zapier.version,
    authentication,
    afterResponse: [answerMiddleware(getResponseAnswers)],
    triggers: { [campaign.key]: campaign },
    creates: {
      [createOrUpdateContact.key]: createOrUpdateContact,
      [addGoOutBuyer.key]: addGoOutBuyer,
      [recordEllityEvent.key]: recordEllityEvent,
    },
  }),
  getResponseCoreError,
);
