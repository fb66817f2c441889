/**
 * A credential's `test` request run the way n8n's credential dialog runs it (docs/n8n-platform.md
 * §6.6): a throwaway declarative node whose one parameter routes the request, so the credential's
 * own `authenticate` signs it; then the `responseCode` / `responseSuccessBody` rules decide.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';
import { additionalDataFor, loadPackage } from './runWorkflow';

export interface CredentialTestOutcome {
	status: 'OK' | 'Error';
	message: string;
}

export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestOutcome> {
	const loader = await loadPackage();
	const test = loader.getCredential(type).type.test as ICredentialTestRequest | undefined;
	if (!test) throw new Error(`The credential ${type} has no test request`);
	const nodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{ displayName: 'Test', name: 'test', type: 'string', default: '', routing: { request: test.request } },
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'tested', name: 'tested' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(loader, { [type]: data }),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	let body: IDataObject | undefined;
	try {
		const output = await new RoutingNode(context, nodeType, { id: 'tested', name: 'tested', type, data }).runNode();
		body = output?.[0]?.[0]?.json;
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
		const rule = test.rules?.find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
		);
		return { status: 'Error', message: rule?.properties.message ?? (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body?.[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
