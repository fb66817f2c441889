/** Hidden trigger behind the list dropdowns (`dynamic: 'campaign.id.name'`): GetResponse calls its lists campaigns. */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { getResponseFor } from '../connection';

async function perform(z: ZObject, bundle: Bundle) {
  const campaigns = await getResponseFor(z, bundle).client.listCampaigns();
  return campaigns.map((campaign) => ({ id: campaign.campaignId, name: campaign.name }));
}

export default defineTrigger({
  key: 'campaign',
  noun: 'List',
  display: { label: 'New List', description: 'Triggers when a list is added (feeds the list dropdowns).', hidden: true },
  operation: { type: 'polling', perform },
});
