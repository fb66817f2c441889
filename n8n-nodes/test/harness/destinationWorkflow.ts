/**
 * Workflows of one trigger and one destination node, as users build them: the trigger is only the
 * start (its items are the run's start items), the destination node runs for real.
 */
import type { INode, INodeCredentials, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { WorkflowJson } from './runWorkflow';

/** Start nodes by what their items are; their own poll or webhook is not run by the harness. */
const STARTS: Record<'gooutPurchase' | 'ellityEvent' | 'fields', Pick<INode, 'type' | 'parameters'>> = {
	gooutPurchase: {
		type: 'n8n-nodes-ecomail.goOutTrigger',
		parameters: { organizerId: '101', pollTimes: { item: [{ mode: 'everyMinute' }] } },
	},
	ellityEvent: { type: 'n8n-nodes-ecomail.ellityTrigger', parameters: { events: ['credit_changed'] } },
	fields: { type: 'n8n-nodes-ecomail.ecomailTrigger', parameters: { secret: 'unused-in-runner' } },
};

export interface DestinationNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials: INodeCredentials;
	continueOnFail?: boolean;
}

export function destinationWorkflow(
	source: keyof typeof STARTS,
	destination: DestinationNode,
): WorkflowJson {
	const start: INode = { id: 'start', name: 'Start', typeVersion: 1, position: [0, 0], ...STARTS[source] };
	const node: INode = {
		id: 'destination',
		name: destination.name,
		type: destination.type,
		typeVersion: 1,
		position: [250, 0],
		parameters: { mapFrom: source, ...destination.parameters },
		credentials: destination.credentials,
		...(destination.continueOnFail ? { continueOnFail: true } : {}),
	};
	return {
		nodes: [start, node],
		connections: { Start: { main: [[{ node: destination.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Start items from plain records, as JSON would carry them between nodes. */
export const items = (rows: readonly object[]): INodeExecutionData[] =>
	rows.map((json) => ({ json: JSON.parse(JSON.stringify(json)) }));
