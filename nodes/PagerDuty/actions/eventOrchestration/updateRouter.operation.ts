import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orchestrationLocator } from './fields';
import { checkRouter, putRouter, ruleFields, ruleOf } from './routerRules';
import { isEmptyLocatorValue, locator } from '../../../shared/locators';
import { jsonObjectSchema, readParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';

const catchAllLocator = locator('service', {
	displayName: 'Catch-All Service',
	name: 'catchAllServiceId',
	description:
		"Where events that no rule matches go: a service, or empty for the orchestration's unrouted rules",
});

const properties: INodeProperties[] = [
	orchestrationLocator.field,
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		options: [
			{
				name: 'Rules',
				value: 'rules',
				description: 'Give the rules one by one, each routing to a service',
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					"Give the whole router as PagerDuty's orchestration_path JSON (needed for dynamic routing)",
			},
		],
		default: 'rules',
		description: 'How the new router is given',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		displayOptions: { show: { inputMode: ['rules'] } },
		description:
			'The rules in the order PagerDuty tries them; the first that matches routes the event',
		options: [{ displayName: 'Rule', name: 'rule', values: ruleFields }],
	},
	{ ...catchAllLocator.field, displayOptions: { show: { inputMode: ['rules'] } } },
	{
		displayName: 'Router (JSON)',
		name: 'routerJson',
		type: 'json',
		default:
			'{\n  "sets": [{ "id": "start", "rules": [] }],\n  "catch_all": { "actions": { "route_to": "unrouted" } }\n}',
		displayOptions: { show: { inputMode: ['json'] } },
		description:
			'The router as PagerDuty\'s orchestration_path: "sets" with the one rule set "start" and its "rules", and "catch_all". A Get Router output may be pasted: what PagerDuty sets itself is dropped.',
	},
];

function routerFromRules(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const rules = context.getNodeParameter('rules.rule', itemIndex, []) as IDataObject[];
	const catchAll = context.getNodeParameter('catchAllServiceId', itemIndex, '');
	return {
		sets: [{ id: 'start', rules: rules.map((rule) => ruleOf(context, itemIndex, rule)) }],
		catch_all: {
			actions: {
				route_to: isEmptyLocatorValue(catchAll)
					? 'unrouted'
					: catchAllLocator.read(context, itemIndex),
			},
		},
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const router =
		this.getNodeParameter('inputMode', itemIndex) === 'json'
			? checkRouter(
					this,
					itemIndex,
					'Router (JSON)',
					readParameter(
						this,
						itemIndex,
						'routerJson',
						'Router (JSON)',
						jsonObjectSchema,
					) as IDataObject,
				)
			: routerFromRules(this, itemIndex);
	return await putRouter(this, itemIndex, router);
}

export const updateRouter = defineOperation({
	value: 'updateRouter',
	name: 'Update Router',
	action: 'Update the router of an event orchestration',
	description:
		"Replace all the rules of an event orchestration's router, and its catch-all, with the ones given: rules not given are removed (use Append Router Rule to add one). Needs the orchestration's ID (Event Orchestration → Get Many) and the services' IDs. Returns the router.",
	endpoints: ['PUT /event_orchestrations/{id}/router'],
	properties,
	execute,
});
