import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { itemSuffix } from '../../../shared/errors';
import { locator } from '../../../shared/locators';
import { parseIdList, validate } from '../../../shared/validation';
import { namesOrIdsField } from '../../descriptions/common';
import { includeField } from '../../descriptions/include';
import { reference } from '../../helpers/utils';

/** PagerDuty's limits: up to 10 targets per rule, up to 9 loops. */
const MAX_TARGETS = 10;
const MAX_LOOPS = 9;

export const escalationPolicyLocator = locator('escalationPolicy', {
	displayName: 'Escalation Policy',
	name: 'escalationPolicyId',
	required: true,
	description:
		'The escalation policy: pick it from the list, paste its PagerDuty URL, or give its ID (from Escalation Policy → Get Many or Create)',
});

export const escalationPolicyIncludeField: INodeProperties = includeField(
	[
		{ name: 'Services', value: 'services' },
		{ name: 'Targets', value: 'targets' },
		{ name: 'Teams', value: 'teams' },
	],
	'Related objects to return in full instead of as references (Targets: the users and schedules of each rule)',
);

/** A rule's fields, one constant each: `escalationRulesField` lists them in the order a rule is set up. */
const ruleUsers = namesOrIdsField({
	displayName: 'User Names or IDs',
	name: 'userIds',
	loadOptionsMethod: 'getUsers',
	description: 'Users notified directly. A rule needs 1 to 10 users and schedules in all.',
});

const ruleSchedules = namesOrIdsField({
	displayName: 'Schedule Names or IDs',
	name: 'scheduleIds',
	loadOptionsMethod: 'getSchedules',
	description: 'Schedules whose on-call user is notified',
});

const ruleDelay: INodeProperties = {
	displayName: 'Escalate After (Minutes)',
	name: 'delayMinutes',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30,
	description:
		'Minutes an incident stays unacknowledged at this rule before it escalates to the next one',
};

const ruleAssignment: INodeProperties = {
	displayName: 'Assignment',
	name: 'assignmentStrategy',
	type: 'options',
	options: [
		{
			name: 'Assign to Everyone',
			value: 'assign_to_everyone',
			description: 'Every target of the rule is notified',
		},
		{
			name: 'Round Robin',
			value: 'round_robin',
			description: 'Incidents go to the targets in turn',
		},
	],
	default: 'assign_to_everyone',
	description: 'How incidents reaching this rule are assigned to its targets',
};

export function escalationRulesField(description: string): INodeProperties {
	return {
		displayName: 'Escalation Rules',
		name: 'escalationRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		description,
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				// In the order a rule is set up (who, then when and how), not alphabetical: n8n shows a
				// fixed collection's fields as listed here.
				values: [ruleUsers, ruleSchedules, ruleDelay, ruleAssignment],
			},
		],
	};
}

/** Policy settings Create takes as "Additional Fields" and Update as "Update Fields". */
export const policySettingFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the policy is for',
	},
	{
		displayName: 'Hand-Off Notifications',
		name: 'onCallHandoffNotifications',
		type: 'options',
		options: [
			{ name: 'Always', value: 'always' },
			{ name: 'If the Policy Has Services', value: 'if_has_services' },
		],
		default: 'if_has_services',
		description: 'When users are told that their on-call shift for this policy starts or ends',
	},
	{
		displayName: 'Number of Loops',
		name: 'numLoops',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_LOOPS },
		default: 0,
		description:
			'How many times an unacknowledged incident runs through all rules again after the last one (0 to 9)',
	},
	namesOrIdsField({
		displayName: 'Team Names or IDs',
		name: 'teamIds',
		loadOptionsMethod: 'getTeams',
		description: 'Teams the policy belongs to; on Update they replace the current teams',
	}),
];

const delaySchema = z.coerce
	.number({ invalid_type_error: 'must be a number of minutes' })
	.int('must be a whole number of minutes')
	.min(1, 'must be at least 1 minute');

const loopsSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(0, 'must be 0 or more')
	.max(MAX_LOOPS, `must be ${MAX_LOOPS} or less`);

/** The item's escalation rules as PagerDuty takes them; undefined when none were given. */
export function readEscalationRules(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject[] | undefined {
	const rules = context.getNodeParameter('escalationRules.rule', itemIndex, []) as IDataObject[];
	if (rules.length === 0) return undefined;
	return rules.map((rule, index) => {
		const label = `Escalation Rules → Rule ${index + 1}`;
		const targets = [
			...parseIdList(context, itemIndex, `${label} → User Names or IDs`, rule.userIds).map((id) =>
				reference(id, 'user'),
			),
			...parseIdList(context, itemIndex, `${label} → Schedule Names or IDs`, rule.scheduleIds).map(
				(id) => reference(id, 'schedule'),
			),
		];
		if (targets.length === 0 || targets.length > MAX_TARGETS) {
			throw new NodeOperationError(
				context.getNode(),
				`"${label}" needs 1 to ${MAX_TARGETS} users and schedules in all, not ${targets.length}${itemSuffix(itemIndex)}`,
				{ itemIndex },
			);
		}
		return {
			escalation_delay_in_minutes: validate(
				context,
				itemIndex,
				`${label} → Escalate After (Minutes)`,
				delaySchema,
				rule.delayMinutes ?? 30,
			),
			targets,
			escalation_rule_assignment_strategy: rule.assignmentStrategy ?? 'assign_to_everyone',
		};
	});
}

/** The policy body fields for the settings present in one item's collection. */
export function policySettings(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const policy: IDataObject = {};
	if (fields.name !== undefined) {
		policy.name = validate(
			context,
			itemIndex,
			'Name',
			z.string().trim().min(1, 'must not be empty'),
			fields.name,
		);
	}
	if (fields.description !== undefined) policy.description = fields.description;
	if (fields.numLoops !== undefined)
		policy.num_loops = validate(
			context,
			itemIndex,
			'Number of Loops',
			loopsSchema,
			fields.numLoops,
		);
	if (fields.onCallHandoffNotifications)
		policy.on_call_handoff_notifications = fields.onCallHandoffNotifications;
	if (fields.teamIds !== undefined) {
		policy.teams = parseIdList(context, itemIndex, 'Team Names or IDs', fields.teamIds).map((id) =>
			reference(id, 'team'),
		);
	}
	return policy;
}
