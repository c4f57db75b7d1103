import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import type { Operation } from '../registry';
import { defineOperation } from '../registry';
import { teamLocator } from './fields';
import { locator } from '../../../shared/locators';

const TARGETS = {
	user: {
		parameter: 'userId',
		collection: 'users',
		endpointPath: 'users/{user_id}',
		locator: locator('user', {
			displayName: 'User',
			name: 'userId',
			required: true,
			description:
				'The user: pick one, paste their profile URL, or give the ID (from User → Get Many)',
		}),
	},
	escalationPolicy: {
		parameter: 'escalationPolicyId',
		collection: 'escalation_policies',
		endpointPath: 'escalation_policies/{escalation_policy_id}',
		locator: locator('escalationPolicy', {
			displayName: 'Escalation Policy',
			name: 'escalationPolicyId',
			required: true,
			description:
				'The escalation policy: pick one, paste its URL, or give its ID (from Escalation Policy → Get Many)',
		}),
	},
} as const;

interface TeamLinkOptions {
	value: string;
	name: string;
	action: string;
	description: string;
	/** PUT links the object to the team, DELETE unlinks it; PagerDuty answers 204 either way. */
	method: 'PUT' | 'DELETE';
	target: keyof typeof TARGETS;
	fields?: INodeProperties[];
	/** The request body and the fields it adds to the result. */
	body?: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
}

/** Adds a user or an escalation policy to a team, or removes it. */
export function teamLink(options: TeamLinkOptions): Operation {
	const target = TARGETS[options.target];
	return defineOperation({
		value: options.value,
		name: options.name,
		action: options.action,
		description: options.description,
		endpoints: [`${options.method} /teams/{id}/${target.endpointPath}`],
		properties: [teamLocator.field, target.locator.field, ...(options.fields ?? [])],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const teamId = teamLocator.read(this, itemIndex);
			const targetId = target.locator.read(this, itemIndex);
			const body = options.body?.(this, itemIndex);
			await pagerDutyApiRequest.call(this, {
				method: options.method,
				path: `/teams/${pathId(teamId)}/${target.collection}/${pathId(targetId)}`,
				body,
			});
			return {
				[options.method === 'PUT' ? 'added' : 'removed']: true,
				teamId,
				[target.parameter]: targetId,
				...body,
			};
		},
	});
}
