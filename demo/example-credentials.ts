/**
 * The examples ship without credentials (their first node's note says which to create). The demo
 * gives each node the local credential of its type, as a user would after importing them.
 */
export const LOCAL_CREDENTIALS: Record<string, { type: string; id: string; name: string }> = {
  'n8n-nodes-ecomail.ecomail': { type: 'ecomailApi', id: 'exampleEcomailCred', name: 'Ecomail account' },
  'n8n-nodes-ecomail.goOutTrigger': { type: 'goOutApi', id: 'exampleGoOutCred', name: 'GoOut account' },
  'n8n-nodes-ecomail.ellityTrigger': { type: 'ellityWebhookApi', id: 'exampleEllityCred', name: 'Ellity webhook secret' },
  'n8n-nodes-ecomail.ecomailTrigger': { type: 'ecomailWebhookApi', id: 'exampleEcomailHookCred', name: 'Ecomail webhook secret' },
};

interface NodeWithCredentials {
  type: string;
  credentials?: Record<string, { id: string | null; name: string }>;
}

/** Sets each node's credential reference to the local one of its type; other nodes are left alone. */
export function withLocalCredentials<T extends { nodes: NodeWithCredentials[] }>(workflow: T): T {
  for (const node of workflow.nodes) {
    const credential = LOCAL_CREDENTIALS[node.type];
    if (credential) node.credentials = { [credential.type]: { id: credential.id, name: credential.name } };
  }
  return workflow;
}
