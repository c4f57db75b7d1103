import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NodeActions, Operation, OperationResult } from './registry';
import { actionOf, findOperation, hasResourceField } from './registry';
import type { Settled } from '../../shared/concurrency';
import { settleWithConcurrency } from '../../shared/concurrency';
import { isRecord, toNodeError, unusableAnswer } from '../../shared/errors';
import { checkParameters } from '../../shared/parameterChecks';
import { nameOperation } from '../../shared/scopes';
import { transportSettings } from '../../shared/transport/rest';
import { requestSettingsField } from '../descriptions/common';
import { LEGACY_INCLUDE_VALUES } from '../descriptions/include';

/** Values workflows saved by n8n's built-in node still carry, read as the ones they stand for. */
const LEGACY_VALUES = { include: Object.keys(LEGACY_INCLUDE_VALUES) };

/** What PagerDuty answered, as one output: records (JSON objects), else the error saying so. */
function usable(
	context: IExecuteFunctions,
	action: string,
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
			`PagerDuty answered "${action}"`,
			`it holds ${found} where a record was expected`,
		),
	};
}

/** A batching operation's results: items refused by the checks are left out of its batch. */
async function executeBatchChecked(
	context: IExecuteFunctions,
	operation: Operation,
	count: number,
	check: (itemIndex: number) => void,
): Promise<Array<Settled<OperationResult>>> {
	const results: Array<Settled<OperationResult>> = [];
	const accepted: number[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			check(itemIndex);
			accepted.push(itemIndex);
		} catch (error) {
			results[itemIndex] = { ok: false, error: error as Error };
		}
	}
	if (accepted.length > 0) {
		const batch = await operation.executeBatch!.call(context, accepted);
		accepted.forEach((itemIndex, position) => (results[itemIndex] = batch[position]));
	}
	return results;
}

/**
 * The node's only item loop. Items run with bounded concurrency (or together, for operations that
 * batch), and the output keeps input order: each input item yields its result items or one error
 * item, always paired with the item it came from.
 */
export async function router(
	this: IExecuteFunctions,
	node: NodeActions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = hasResourceField(node)
		? (this.getNodeParameter('resource', 0) as string)
		: undefined;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = findOperation(node, resource, operation);
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			resource === undefined
				? `The operation "${operation}" is not supported`
				: `The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	const handler = found.operation;
	const action = actionOf(found.resource, handler);
	// Errors about a missing scope say which operation needs it, as the editor names it.
	const operationName =
		resource === undefined ? handler.name : `${found.resource.option.name} → ${handler.name}`;

	const continueOnFail = this.continueOnFail();
	// Every declared parameter is checked before the operation runs: a refused item sends nothing.
	const declared = [...handler.properties, requestSettingsField];
	const check = (itemIndex: number) =>
		checkParameters(this, itemIndex, declared, handler.checksItself, LEGACY_VALUES);
	const results =
		handler.executeBatch && items.length > 1
			? await executeBatchChecked(this, handler, items.length, check)
			: await settleWithConcurrency(
					items.length,
					(await transportSettings(this)).concurrency,
					async (itemIndex) => {
						check(itemIndex);
						return await handler.execute.call(this, itemIndex);
					},
					// Without "continue on fail" the first error ends the run: start no further items.
					!continueOnFail,
				);

	const output: INodeExecutionData[] = [];
	results.forEach((settled, itemIndex) => {
		const result = settled.ok ? usable(this, action, settled.value) : settled;
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
