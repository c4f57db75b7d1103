import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resources } from './index';
import { findOperation } from './registry';
import { settleWithConcurrency } from '../../shared/concurrency';
import { toNodeError } from '../../shared/errors';
import { nameOperation } from '../../shared/scopes';
import { transportSettings } from '../../shared/transport/rest';

/**
 * The node's only item loop. Items run with bounded concurrency (or together, for operations that
 * batch), and the output keeps input order: each input item yields its result items or one error
 * item, always paired with the item it came from.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = findOperation(resources, resource, operation);
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	// Errors about a missing scope say which operation needs it, as the editor names it.
	const operationName = `${resources.find(({ option }) => option.value === resource)!.option.name} → ${handler.name}`;

	const continueOnFail = this.continueOnFail();
	const itemIndexes = items.map((_, itemIndex) => itemIndex);
	const results =
		handler.executeBatch && items.length > 1
			? await handler.executeBatch.call(this, itemIndexes)
			: await settleWithConcurrency(
					items.length,
					(await transportSettings(this)).concurrency,
					async (itemIndex) => await handler.execute.call(this, itemIndex),
					// Without "continue on fail" the first error ends the run: start no further items.
					!continueOnFail,
				);

	const output: INodeExecutionData[] = [];
	results.forEach((result, itemIndex) => {
		if (result.ok) {
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result.value), {
					itemData: { item: itemIndex },
				}),
			);
			return;
		}
		const nodeError = nameOperation(
			toNodeError(this.getNode(), result.error, itemIndex),
			operationName,
		);
		if (!continueOnFail) throw nodeError;
		output.push({
			json: {
				error: nodeError.message,
				...(nodeError.description ? { description: nodeError.description } : {}),
			},
			pairedItem: { item: itemIndex },
		});
	});
	return [output];
}
