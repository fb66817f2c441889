/**
 * What the editor runs to fill a dropdown, a searchable list or a field mapper: the node's
 * `methods` with n8n-core's own LoadOptionsContext, the node's parameters as set and the
 * credentials of the harness.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { additionalDataFor, loadPackage, nodeTypesOf, type CredentialsByType } from './runWorkflow';

export async function loadOptionsOf(
	node: INode,
	credentials: CredentialsByType,
): Promise<{ context: ILoadOptionsFunctions; methods: NonNullable<INodeType['methods']> }> {
	const loader = await loadPackage();
	const nodeTypes = nodeTypesOf(loader);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(loader, credentials), '');
	const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	if (!type.methods) throw new Error(`${node.type} has no methods`);
	return { context, methods: type.methods };
}
