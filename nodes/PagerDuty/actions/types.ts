import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Settled } from '../helpers/concurrency';

export type OperationResult = IDataObject | IDataObject[];

/** One operation: its editor fields and what it does for one input item. */
export interface PagerDutyOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** Handles many items together (e.g. one bulk request for many updates); one result per item, in order. */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndexes: number[],
	): Promise<Array<Settled<OperationResult>>>;
}

export type ResourceOperations = Record<string, PagerDutyOperation>;
