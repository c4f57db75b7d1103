import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pagerDutyIdSchema, validate } from '../../../shared/validation';
import { optionsCollection } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	teamLocator.field,
	optionsCollection([
		{
			displayName: 'Reassignment Team ID',
			name: 'reassignmentTeamId',
			type: 'string',
			default: '',
			placeholder: 'e.g. PQ9K7I8',
			description:
				"Team that takes over the deleted team's services, escalation policies and schedules (ID from Team → Get Many). When empty they belong to no team.",
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = teamLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const reassignmentTeam = options.reassignmentTeamId
		? validate(
				this,
				itemIndex,
				'Reassignment Team ID',
				pagerDutyIdSchema,
				options.reassignmentTeamId,
			)
		: undefined;
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/teams/${pathId(teamId)}`,
		qs: withoutEmpty({ reassignment_team: reassignmentTeam }),
	});
	return { deleted: true, id: teamId };
}

export const deleteTeam = defineOperation({
	value: 'delete',
	name: 'Delete',
	description: 'Delete a team, optionally handing its objects to another team',
	endpoints: ['DELETE /teams/{id}'],
	properties,
	execute,
});
