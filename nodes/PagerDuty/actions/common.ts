import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';

/** The "Return All" / "Limit" of a list operation for one item: undefined means all. */
export function maxItemsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	// 100 is the default of "Limit", as in n8n's built-in node.
	return Number(context.getNodeParameter('limit', itemIndex, 100));
}

/**
 * Sends a request and, when PagerDuty answers with `status`, says in the error what that answer
 * means for this operation (PagerDuty's own message and details stay in the description).
 */
export async function explainStatus<T>(
	context: IExecuteFunctions,
	status: number,
	explanation: { message: string; description: string },
	send: () => Promise<T>,
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error as Error);
		if (nodeError instanceof NodeApiError && nodeError.httpCode === String(status)) {
			nodeError.description = [
				explanation.description,
				`PagerDuty said: ${nodeError.message}`,
				nodeError.description,
			]
				.filter(Boolean)
				.join('\n');
			nodeError.message = `PagerDuty ${status}: ${explanation.message}`;
		}
		throw nodeError;
	}
}

/** Update operations need something to change; an empty "Update Fields" is a mistake, not a no-op. */
export function requireChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	changes: IDataObject,
): void {
	if (Object.keys(changes).length > 0) return;
	throw new NodeOperationError(
		context.getNode(),
		`Add at least one field under "Update Fields" (item ${itemIndex})`,
		{
			itemIndex,
		},
	);
}
