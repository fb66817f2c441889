/** Hidden trigger behind the Organizer dropdown (`dynamic: 'organizer.id.name'`). */
import { goOutOrganizers } from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withGoOutClient } from '../run-client';

async function perform(z: ZObject, bundle: Bundle) {
  const organizers = await withGoOutClient(z, bundle, (client) => goOutOrganizers(client));
  // GoOut gives no organizer names, only ids; the count of sales helps tell them apart.
  return organizers.map(({ id, sales }) => ({ id, name: `Organizer ${id} (${sales} ${sales === 1 ? 'sale' : 'sales'})` }));
}

export default defineTrigger({
  key: 'organizer',
  noun: 'Organizer',
  display: { label: 'New Organizer', description: 'Triggers when your GoOut login sees a new organizer (feeds the Organizer dropdown).', hidden: true },
  operation: { type: 'polling', perform },
});
