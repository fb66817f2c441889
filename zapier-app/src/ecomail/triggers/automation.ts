/** Hidden trigger behind the automation dropdown (`dynamic: 'automation.id.name'`). */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { ecomailClient } from '../client';

async function perform(z: ZObject, bundle: Bundle) {
  const automations = await ecomailClient(z, bundle).getAutomations();
  return automations.map((automation) => ({ id: String(automation.id), name: automation.name }));
}

export default defineTrigger({
  key: 'automation',
  noun: 'Automation',
  display: { label: 'New Automation', description: 'Triggers when an automation is added (feeds the automation dropdown).', hidden: true },
  operation: { type: 'polling', perform },
});
