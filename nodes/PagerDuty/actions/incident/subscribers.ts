import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, parseIdList } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';

/** The User IDs and Team IDs fields of Add Subscribers and Remove Subscribers. */
export function subscriberFields(verb: string): INodeProperties[] {
	return [
		incidentLocator.field,
		{
			displayName: 'User IDs',
			name: 'userIds',
			type: 'string',
			default: '',
			placeholder: 'PXPGF42,PAM4FGS',
			description: `Users to ${verb} (comma-separated IDs, from User → Get Many)`,
		},
		{
			displayName: 'Team IDs',
			name: 'teamIds',
			type: 'string',
			default: '',
			placeholder: 'PQ9K7I8',
			description: `Teams to ${verb} (comma-separated IDs, from Team → Get Many)`,
		},
	];
}

/** Sends the item's users and teams as PagerDuty's `subscribers` list to an incident path. */
export async function sendSubscribers(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'status_updates/subscribers' | 'status_updates/unsubscribe',
): Promise<IDataObject> {
	const incidentId = incidentLocator.read(context, itemIndex);
	const listed = (name: string, label: string, type: 'user' | 'team') =>
		[
			...new Set(parseIdList(context, itemIndex, label, context.getNodeParameter(name, itemIndex))),
		].map((id) => ({ subscriber_id: id, subscriber_type: type }));
	const subscribers = [
		...listed('userIds', 'User IDs', 'user'),
		...listed('teamIds', 'Team IDs', 'team'),
	];
	if (subscribers.length === 0)
		throw invalidParameter(
			context,
			itemIndex,
			'User IDs',
			'and "Team IDs" are both empty: give at least one user or team',
		);
	return await pagerDutyApiRequest.call(context, {
		method: 'POST',
		path: `/incidents/${pathId(incidentId)}/${action}`,
		body: { subscribers },
	});
}
