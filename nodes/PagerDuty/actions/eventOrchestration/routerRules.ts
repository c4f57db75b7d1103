import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orchestrationPath } from './fields';
import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, pagerDutyIdSchema } from '../../../shared/validation';
import { explainStatus } from '../common';

const routeToLocator = locator('service', {
	displayName: 'Route To',
	name: 'routeTo',
	required: true,
	description:
		'The service that gets the events this rule matches: pick it, paste its URL, or give its ID (from Service → Get Many)',
});

/** One router rule's fields: for Append Router Rule, and for each rule of Update Router. */
export const ruleFields: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'e.g. Database alerts',
		description: 'What the rule is for, as PagerDuty shows it',
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: "event.source matches part 'db-'",
		description:
			'PagerDuty Condition Language expressions, one per line: the rule matches an event when any of them matches. Empty: the rule matches every event.',
	},
	routeToLocator.field,
	{
		displayName: 'Disabled',
		name: 'disabled',
		type: 'boolean',
		default: false,
		description: 'Whether the rule is kept but not used',
	},
];

/** A rule as PagerDuty's router takes it, from the values of `ruleFields`. */
export function ruleOf(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): IDataObject {
	const lines = Array.isArray(values.conditions)
		? values.conditions.map(String)
		: String(values.conditions ?? '').split('\n');
	const label = String(values.label ?? '').trim();
	return {
		...(label !== '' && { label }),
		conditions: lines
			.map((line) => line.trim())
			.filter((line) => line !== '')
			.map((expression) => ({ expression })),
		actions: { route_to: routeToLocator.readValue(context, values.routeTo, itemIndex) },
		disabled: values.disabled === true,
	};
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The parts of a router PagerDuty's PUT takes: the rules (with their IDs, so they keep them) and
 * the catch-all. What PagerDuty sets itself (type, parent, version, created/updated) is left out.
 */
export function writableRouter(router: IDataObject): IDataObject {
	const sets = (router.sets as IDataObject[] | undefined) ?? [];
	return {
		sets: sets.map((set) => ({
			id: set.id,
			rules: ((set.rules as IDataObject[] | undefined) ?? []).map(
				({ id, label, conditions, actions, disabled }) =>
					Object.fromEntries(
						Object.entries({ id, label, conditions, actions, disabled }).filter(
							([, value]) => value !== undefined,
						),
					) as IDataObject,
			),
		})),
		catch_all: { actions: (router.catch_all as IDataObject | undefined)?.actions ?? {} },
	};
}

/**
 * Checks a whole router given as JSON before it replaces the current one: one rule set, `start`;
 * each rule routes to a service by ID, except a first rule that routes dynamically (and then has
 * no conditions and no `route_to`, as PagerDuty requires).
 */
export function checkRouter(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	router: IDataObject,
): IDataObject {
	const refuse = (reason: string) => invalidParameter(context, itemIndex, label, reason);
	const sets = router.sets;
	if (!Array.isArray(sets) || sets.length !== 1 || !isObject(sets[0]) || sets[0].id !== 'start')
		throw refuse('must have "sets" with exactly one rule set, whose "id" is "start"');
	const rules = sets[0].rules ?? [];
	if (!Array.isArray(rules) || !rules.every(isObject))
		throw refuse('must have "rules" as an array of rule objects in its rule set');
	rules.forEach((rule, index) => {
		const actions = isObject(rule.actions) ? rule.actions : {};
		const where = `rule ${index + 1}`;
		if (actions.dynamic_route_to !== undefined) {
			if (index > 0) throw refuse(`${where}: only the first rule may route dynamically`);
			const conditions = rule.conditions as unknown[] | undefined;
			if ((conditions?.length ?? 0) > 0 || actions.route_to !== undefined)
				throw refuse(`${where}: a dynamic routing rule has no conditions and no route_to`);
			return;
		}
		// Exactly an ID (bounded like every other): the rule is sent as given, untrimmed.
		const routeTo = actions.route_to;
		if (typeof routeTo !== 'string' || pagerDutyIdSchema.safeParse(routeTo).data !== routeTo)
			throw refuse(`${where}: "actions.route_to" must be the ID of a service, such as PABC123`);
	});
	return writableRouter(router);
}

/** Replaces the router of the item's orchestration; a 409 (changed meanwhile) is explained. */
export async function putRouter(
	context: IExecuteFunctions,
	itemIndex: number,
	router: IDataObject,
): Promise<IDataObject> {
	const response = await explainStatus(
		context,
		409,
		{
			message: 'the router was changed meanwhile',
			description:
				"Someone else changed this event orchestration's router while it was being written. Run the node again: it starts from the router as it is then.",
		},
		async () =>
			await pagerDutyApiRequest.call(context, {
				method: 'PUT',
				path: orchestrationPath(context, itemIndex, '/router'),
				body: { orchestration_path: router },
			}),
	);
	const warnings = response.warnings as unknown[] | undefined;
	return {
		...(response.orchestration_path as IDataObject),
		...(warnings?.length ? { warnings } : {}),
	};
}
