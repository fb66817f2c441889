/**
 * The Ellity app (private / invite-only): one Instant trigger fed by Ellity's generic webhook.
 * Ellity has no API and no credentials to check, so the app has no authentication.
 */
import zapier, { defineApp } from 'zapier-platform-core';
import manifest from '../../apps/ellity/package.json';
import newLoyaltyEvent from './triggers/new-loyalty-event';

export default defineApp({
  version: manifest.version,
  platformVersion: zapier.version,
  triggers: { [newLoyaltyEvent.key]: newLoyaltyEvent },
});
