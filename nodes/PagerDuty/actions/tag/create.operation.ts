import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { labelSchema } from './labels';
import { readParameter } from '../../../shared/validation';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. tier-1',
		description: 'The text of the tag, up to 191 characters',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const label = readParameter(this, itemIndex, 'label', 'Label', labelSchema);
	return await sendRecord(this, 'POST', '/tags', 'tag', { type: 'tag', label });
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Add a tag (a label to put on users, teams and escalation policies). Returns the tag with its ID. To tag an object with a new label directly, use Add to Entity with New Labels.',
	endpoints: ['POST /tags'],
	properties,
	execute,
});
