/**
 * The SALESmanago app: a body-signed API v2 connection and the creates that carry contacts, GoOut
 * buyers and Ellity events into SALESmanago through the core's jobs, plus one external event.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/salesmanago/package.json';
import { answerMiddleware } from '../platform/answer-middleware';
import { withErrorMapping } from '../platform/error-mapping';
import authentication from './authentication';
import addExternalEvent from './creates/add-external-event';
import addGoOutBuyer from './creates/add-goout-buyer';
import createOrUpdateContact from './creates/create-or-update-contact';
import recordEllityEvent from './creates/record-ellity-event';
import { salesManagoAnswers, salesManagoCoreError } from './errors';

export default withErrorMapping(
  defineApp({
    version: manifest.version,
    platformVersion: zapier.version,
    authentication,
    afterResponse: [answerMiddleware(salesManagoAnswers)],
    creates: {
      [createOrUpdateContact.key]: createOrUpdateContact,
      [addGoOutBuyer.key]: addGoOutBuyer,
      [recordEllityEvent.key]: recordEllityEvent,
      [addExternalEvent.key]: addExternalEvent,
    },
  }),
  salesManagoCoreError,
);
