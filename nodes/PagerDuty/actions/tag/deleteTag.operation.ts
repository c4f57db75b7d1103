import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { tagLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = tagLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path: `/tags/${pathId(tagId)}` });
	return { deleted: true, id: tagId };
}

export const deleteTag = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		'Remove a tag for good, from every user, team and escalation policy that wears it. Needs its ID (Tag → Get Many). Returns the deleted ID.',
	endpoints: ['DELETE /tags/{id}'],
	properties: [tagLocator.field],
	execute,
});
