import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resources } from './index';
import type { Operation, OperationResult } from './registry';
import { findOperation } from './registry';
import type { Settled } from '../../shared/concurrency';
import { settleWithConcurrency } from '../../shared/concurrency';
import { isRecord, toNodeError, unusableAnswer } from '../../shared/errors';
import { transportSettings } from '../../shared/transport/rest';

/** What PagerDuty answered, as one output: records (JSON objects), else the error saying so. */
function usable(
	context: IExecuteFunctions,
	operation: Operation,
	value: OperationResult,
): Settled<OperationResult> {
	const records: unknown[] = Array.isArray(value) ? value : [value];
	const odd = records.findIndex((record) => !isRecord(record));
	if (odd < 0) return { ok: true, value };
	const found =
		records[odd] === undefined || records[odd] === null ? 'nothing' : `a ${typeof records[odd]}`;
	return {
		ok: false,
		error: unusableAnswer(
			context.getNode(),
			`PagerDuty answered "${operation.action}"`,
			`it holds ${found} where a record was expected`,
		),
	};
}

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
	results.forEach((settled, itemIndex) => {
		const result = settled.ok ? usable(this, handler, settled.value) : settled;
		if (result.ok) {
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result.value), {
					itemData: { item: itemIndex },
				}),
			);
			return;
		}
		const nodeError = toNodeError(this.getNode(), result.error, itemIndex);
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
