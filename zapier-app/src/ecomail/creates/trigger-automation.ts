/** Trigger Automation: starts an Ecomail automation (pipeline) for one contact. */
import { normalizeEmail } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { requiredText } from '../../platform/input';
import { ecomailClient } from '../client';
import { emailField } from '../fields';

async function perform(z: ZObject, bundle: Bundle) {
  const automationId = requiredText(bundle.inputData.automationId, 'Automation');
  const email = normalizeEmail(requiredText(bundle.inputData.email, 'Email'));
  await ecomailClient(z, bundle).triggerAutomation(automationId, email);
  return { id: `${automationId}:${email}`, automation_id: Number(automationId), email, triggered_at: new Date().toISOString() };
}

export default defineCreate({
  key: 'trigger_automation',
  noun: 'Automation',
  display: { label: 'Trigger Automation', description: 'Starts an automation for a contact, however the contact joined the list.' },
  operation: {
    inputFields: [
      { key: 'automationId', label: 'Automation', type: 'string', required: true, dynamic: 'automation.id.name', helpText: 'The automation must use the “API trigger” start in Ecomail.' },
      { ...emailField, helpText: 'The contact must already exist in Ecomail.' },
    ],
    perform,
    sample: { id: '12:petra.novakova@example.cz', automation_id: 12, email: 'petra.novakova@example.cz', triggered_at: '2026-06-14T16:05:00.000Z' },
    outputFields: [
      { key: 'id', label: 'Run ID', type: 'string' },
      { key: 'automation_id', label: 'Automation ID', type: 'integer' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'triggered_at', label: 'Triggered At', type: 'datetime' },
    ],
  },
});
