import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { incidentLocator } from './fields';
import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, parseIdList, readParameter } from '../../../shared/validation';
import { namesOrIdsField } from '../../descriptions/common';
import { pathId, reference } from '../../helpers/utils';
import { defineOperation } from '../registry';

const requesterLocator = locator('user', {
	displayName: 'Requester',
	name: 'requesterId',
	required: true,
	description:
		'The PagerDuty user asking for help; PagerDuty names them in the request (this operation needs no From email)',
});

const properties: INodeProperties[] = [
	incidentLocator.field,
	requesterLocator.field,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'What the responders are asked to do, e.g. "Please join the bridge at …"',
	},
	namesOrIdsField({
		displayName: 'Target User Names or IDs',
		name: 'targetUserIds',
		loadOptionsMethod: 'getUsers',
		description: 'Users asked to respond. Give users, escalation policies, or both.',
	}),
	namesOrIdsField({
		displayName: 'Target Escalation Policy Names or IDs',
		name: 'targetEscalationPolicyIds',
		loadOptionsMethod: 'getEscalationPolicies',
		description: 'Escalation policies whose on-call users are asked to respond',
	}),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const requesterId = requesterLocator.read(this, itemIndex);
	const message = readParameter(
		this,
		itemIndex,
		'message',
		'Message',
		z.string().trim().min(1, 'must not be empty'),
	);
	const targets = [
		...parseIdList(
			this,
			itemIndex,
			'Target User Names or IDs',
			this.getNodeParameter('targetUserIds', itemIndex, []),
		).map((id) => reference(id, 'user')),
		...parseIdList(
			this,
			itemIndex,
			'Target Escalation Policy Names or IDs',
			this.getNodeParameter('targetEscalationPolicyIds', itemIndex, []),
		).map((id) => reference(id, 'escalation_policy')),
	];
	if (targets.length === 0) {
		throw invalidParameter(
			this,
			itemIndex,
			'Target User Names or IDs',
			'or "Target Escalation Policy Names or IDs" must name at least one responder',
		);
	}
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/incidents/${pathId(incidentId)}/responder_requests`,
		body: {
			requester_id: requesterId,
			message,
			responder_request_targets: targets.map((target) => ({ responder_request_target: target })),
		},
	});
	return response.responder_request as IDataObject;
}

export const createResponderRequest = defineOperation({
	value: 'createResponderRequest',
	name: 'Create Responder Request',
	action: 'Create a responder request',
	description:
		"Ask more users or escalation policies to help with an incident (needs PagerDuty's coordinated responding ability)",
	endpoints: ['POST /incidents/{id}/responder_requests'],
	properties,
	execute,
});
