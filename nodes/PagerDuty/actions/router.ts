import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import * as apiCall from './apiCall';
import * as incident from './incident';
import * as incidentNote from './incidentNote';
import * as logEntry from './logEntry';
import type { ResourceOperations } from './types';
import * as user from './user';

const resources: Record<string, ResourceOperations> = {
	apiCall: apiCall.operations,
	incident: incident.operations,
	incidentNote: incidentNote.operations,
	logEntry: logEntry.operations,
	user: user.operations,
};

/**
 * The node's only item loop: each input item yields its result items or one error item,
 * always paired with the item it came from.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler.execute.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error as Error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({
				json: {
					error: nodeError.message,
					...(nodeError.description ? { description: nodeError.description } : {}),
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
