/**
 * The Ecomail app: API-key connection, contact / tag / event / order / automation actions, the
 * GoOut-buyer and Ellity-event actions that carry those sources' conventions into Ecomail, a
 * contact search (with search-or-create) and a polling "new subscriber" trigger.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/ecomail/package.json';
import { answerMiddleware } from '../platform/answer-middleware';
import { withErrorMapping } from '../platform/error-mapping';
import authentication from './authentication';
import addGoOutBuyer from './creates/add-goout-buyer';
import addShopOrder from './creates/add-shop-order';
import addTags from './creates/add-tags';
import createOrUpdateContact from './creates/create-or-update-contact';
import createOrder from './creates/create-order';
import { ecomailAnswers, ecomailCoreError } from './errors';
import recordEllityEvent from './creates/record-ellity-event';
import removeTags from './creates/remove-tags';
import trackEvent from './creates/track-event';
import triggerAutomation from './creates/trigger-automation';
import unsubscribeContact from './creates/unsubscribe-contact';
import findContact from './searches/find-contact';
import automation from './triggers/automation';
import list from './triggers/list';
import newSubscriber from './triggers/new-subscriber';

export default withErrorMapping(
  defineApp({
    version: manifest.version,
    platformVersion: zapier.version,
    authentication,
    afterResponse: [answerMiddleware(ecomailAnswers)],
    triggers: {
      [list.key]: list,
      [automation.key]: automation,
      [newSubscriber.key]: newSubscriber,
    },
    creates: {
      [createOrUpdateContact.key]: createOrUpdateContact,
      [addTags.key]: addTags,
      [removeTags.key]: removeTags,
      [trackEvent.key]: trackEvent,
      [createOrder.key]: createOrder,
      [triggerAutomation.key]: triggerAutomation,
      [unsubscribeContact.key]: unsubscribeContact,
      [recordEllityEvent.key]: recordEllityEvent,
      [addGoOutBuyer.key]: addGoOutBuyer,
      [addShopOrder.key]: addShopOrder,
    },
    searches: {
      [findContact.key]: findContact,
    },
    searchOrCreates: {
      [findContact.key]: {
        key: findContact.key,
        display: {
          label: 'Find or Create Contact',
          description: 'Finds a contact in a list, or creates it when missing.',
        },
        search: findContact.key,
        create: createOrUpdateContact.key,
      },
    },
  }),
  ecomailCoreError,
);
