/**
 * Headless n8n runner for tests (docs/n8n-platform.md §8.2): loads the BUILT package from
 * n8n-nodes/dist the way n8n does (package.json "n8n" section), then executes workflow JSON with
 * n8n-core's WorkflowExecute. Credentials come from a plain map; `preAuthentication` runs like n8n
 * runs it (empty expirable field or after a 401) and its result is kept, as n8n would save it.
 */
import {
	Credentials,
	ExecutionLifecycleHooks,
	PackageDirectoryLoader,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeTypes,
	IConnections,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { ensureDeduplicationStore } from './deduplicationStore';

/** n8n-nodes/ (the package root), found from this file without Node path helpers. */
export const packageDir = require.resolve('../../package.json').replace(/[\\/]package\.json$/, '');

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

let loading: Promise<PackageDirectoryLoader> | undefined;

/** The built package, loaded once per test file (with n8n's deduplication store in memory). */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loading ??= (async () => {
		await ensureDeduplicationStore();
		const loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		return loader;
	})().catch((error: Error) => {
		throw new Error(`Could not load ${packageDir}/dist — run "npm run build -w n8n-nodes-ecomail" first (${error.message})`);
	});
	return await loading;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly loader: PackageDirectoryLoader,
		private readonly byType: CredentialsByType,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.loader.getCredential(typeName).type;
		const auth = type.authenticate;
		if (typeof auth === 'function') return await auth(credentials, request);
		if (auth?.type !== 'generic') return request;
		// Resolves '={{$credentials.x}}' and '=Bearer {{$credentials.x}}' (all our credentials use).
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''))
				: value;
		for (const where of ['headers', 'qs', 'body'] as const) {
			const block = (auth.properties as Record<string, IDataObject | undefined>)[where];
			if (!block) continue;
			const target = ((request as unknown as Record<string, IDataObject | undefined>)[where] ??= {});
			for (const [key, value] of Object.entries(block)) target[key] = resolve(value) as string;
		}
		return request;
	}

	/** Same rule as n8n's CredentialsHelper: run when the expirable field is empty or after a 401. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.loader.getCredential(typeName).type;
		const expirable = type.properties.find((property) => property.typeOptions?.expirable === true);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		// What n8n saves into the credential.
		this.byType[typeName] = { ...this.byType[typeName], ...output } as ICredentialDataDecryptedObject;
		return { ...credentials, ...output } as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<Credentials> {
		return new Credentials({ id: null, name: '' }, '', '');
	}

	async getDecrypted(_additional: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		// A copy, so a run sees the credential as saved, not a half-updated object.
		return { ...(this.byType[type] ?? {}) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return this.loader.getCredential(type).type.properties;
	}
}

/** The package's node types as n8n's registry offers them (`<package>.<node>`). */
export function nodeTypesOf(loader: PackageDirectoryLoader): INodeTypes {
	const short = (type: string) => type.slice(loader.packageName.length + 1);
	return {
		getByName: (type: string) => loader.getNode(short(type)).type,
		getByNameAndVersion: (type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(loader.getNode(short(type)).type, version),
		getKnownTypes: () => loader.known.nodes,
	} as unknown as INodeTypes;
}

/** What n8n hands a run: our credentials helper and loopback URLs (hooks only for workflow runs). */
export function additionalDataFor(
	loader: PackageDirectoryLoader,
	credentials: CredentialsByType,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId: '1',
		hooks,
		credentialsHelper: new TestCredentialsHelper(loader, credentials),
		webhookBaseUrl: 'http://localhost/webhook',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost/waiting',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		variables: {},
		userId: 'test',
		currentNodeParameters: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	credentials: CredentialsByType;
	/** Items the start node outputs (a webhook body, a poll result); default one empty item. */
	startItems?: INodeExecutionData[];
	/** 'manual' runs poll nodes' sample branch; 'trigger' takes startItems as the poll's output. */
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

export interface RunResult {
	/** Output items (json only) per node, or the error message. */
	nodes: Record<string, { items?: IDataObject[]; error?: string }>;
	staticData: IDataObject;
}

/** Runs a workflow once from its start node, as n8n would after a trigger fired. */
export async function runWorkflow(json: WorkflowJson, options: RunOptions): Promise<RunResult> {
	const loader = await loadPackage();
	const mode = options.mode ?? 'manual';
	const workflow = new Workflow({
		id: 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: nodeTypesOf(loader),
		settings: json.settings,
		active: false,
		staticData: options.staticData ?? {},
	});
	const hooks = new ExecutionLifecycleHooks(mode, '1', {
		id: 'test',
		nodes: json.nodes,
		connections: json.connections,
	} as never);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	const start =
		workflow.getStartNode() ??
		Object.values(workflow.nodes).find((node) => workflow.getParentNodes(node.name).length === 0);
	if (!start) throw new Error('The workflow has no start node');
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node: start, data: { main: [options.startItems ?? [{ json: {} }]] }, source: null },
			],
		},
	} as unknown as IRunExecutionData;
	const additionalData = additionalDataFor(loader, options.credentials, hooks);
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const nodes: RunResult['nodes'] = {};
	for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
		const last = runs[runs.length - 1];
		nodes[name] = last.error
			? { error: last.error.message }
			: { items: (last.data?.main[0] ?? []).map((item) => item.json) };
	}
	return { nodes, staticData: copy(workflow.staticData as IDataObject) };
}

/**
 * One scheduled poll of `nodeName` (mode 'trigger', as n8n's ActiveWorkflows runs it), with the
 * node's static data carried in and out like n8n persists it between polls.
 */
export async function pollOnce(
	json: WorkflowJson,
	nodeName: string,
	options: { credentials: CredentialsByType; staticData?: IDataObject },
): Promise<{ items: INodeExecutionData[]; staticData: IDataObject }> {
	const loader = await loadPackage();
	const workflow = new Workflow({
		id: 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: nodeTypesOf(loader),
		settings: json.settings,
		active: true,
		staticData: options.staticData ?? {},
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node "${nodeName}" in the workflow`);
	const hooks = new ExecutionLifecycleHooks('trigger', '1', { id: 'test', nodes: json.nodes, connections: json.connections } as never);
	const context = new PollContext(workflow, node, additionalDataFor(loader, options.credentials, hooks), 'trigger', 'activate');
	const nodeType = nodeTypesOf(loader).getByNameAndVersion(node.type, node.typeVersion);
	const output = await nodeType.poll!.call(context);
	return { items: output?.[0] ?? [], staticData: copy(workflow.staticData as IDataObject) };
}

/** Plain JSON copy, as n8n stores static data between executions. */
function copy(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data)) as IDataObject;
}
