import type { IDataObject } from 'n8n-workflow';
import type { StateStore } from '@ecomail-bridge/shared';

/**
 * The core's `StateStore` port over a node's workflow static data, which n8n saves after each
 * poll of an active workflow. Values are stored as plain JSON copies.
 */
export function staticDataStore(staticData: IDataObject): StateStore {
	return {
		async get<T>(key: string) {
			return staticData[key] as T | undefined;
		},
		async set<T>(key: string, value: T) {
			staticData[key] = JSON.parse(JSON.stringify(value)) as IDataObject;
		},
	};
}
