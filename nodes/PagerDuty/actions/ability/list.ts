import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { PagerDutyContext } from '../../../shared/transport/rest';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';

/** The abilities the account has: PagerDuty lists their names. */
export async function readAbilities(context: PagerDutyContext): Promise<string[]> {
	const response = await pagerDutyApiRequest.call(context, { method: 'GET', path: '/abilities' });
	return ((response.abilities as unknown[] | undefined) ?? []).map(String);
}

/** The account's abilities for a dropdown (abilities it lacks can be given by expression). */
export async function abilityOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await readAbilities(context)).map((ability) => ({ name: ability, value: ability }));
}
