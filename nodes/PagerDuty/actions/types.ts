import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One operation: its editor fields and what it does for one input item. */
export interface PagerDutyOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type ResourceOperations = Record<string, PagerDutyOperation>;
