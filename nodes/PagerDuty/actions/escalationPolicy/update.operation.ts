import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sortedByName, updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import {
	escalationPolicyLocator,
	escalationRulesField,
	policySettingFields,
	policySettings,
	readEscalationRules,
} from './fields';
import { defineOperation } from '../registry';

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'New name; PagerDuty refuses a name another policy already has',
};

const properties: INodeProperties[] = [
	escalationPolicyLocator.field,
	updateFieldsCollection(
		sortedByName([nameField, ...policySettingFields], (field) => field.displayName),
	),
	escalationRulesField(
		'New rules, replacing all current ones. Leave empty to keep the current rules.',
	),
];

const targetReference = (target: IDataObject) => ({ id: target.id, type: target.type });

/** The current policy in the shape PagerDuty's update takes (references without summaries). */
function asUpdateBody(current: IDataObject): IDataObject {
	const rules = (current.escalation_rules as IDataObject[] | undefined) ?? [];
	return {
		type: 'escalation_policy',
		name: current.name,
		description: current.description ?? '',
		num_loops: current.num_loops ?? 0,
		on_call_handoff_notifications: current.on_call_handoff_notifications,
		escalation_rules: rules.map((rule) => {
			const strategy = rule.escalation_rule_assignment_strategy as IDataObject | string | undefined;
			return {
				id: rule.id,
				escalation_delay_in_minutes: rule.escalation_delay_in_minutes,
				targets: ((rule.targets as IDataObject[] | undefined) ?? []).map(targetReference),
				...(strategy && {
					escalation_rule_assignment_strategy:
						typeof strategy === 'string' ? strategy : strategy.type,
				}),
			};
		}),
		teams: ((current.teams as IDataObject[] | undefined) ?? []).map(targetReference),
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = escalationPolicyLocator.read(this, itemIndex);
	const changes = policySettings(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	const rules = readEscalationRules(this, itemIndex);
	if (rules) changes.escalation_rules = rules;
	requireChanges(this, itemIndex, changes);
	const path = `/escalation_policies/${pathId(policyId)}`;
	// PagerDuty's update replaces the whole policy: read it, so that what is not changed is kept.
	const current = await readRecord(this, path, 'escalation_policy');
	return await sendRecord(this, 'PUT', path, 'escalation_policy', {
		...asUpdateBody(current),
		...changes,
	});
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Change an escalation policy's name, rules, loops, teams or description; what is not given is kept",
	endpoints: ['GET /escalation_policies/{id}', 'PUT /escalation_policies/{id}'],
	properties,
	execute,
});
