import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { toNodeError } from '../../../shared/errors';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { explainStatus } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Ability Name or ID',
		name: 'ability',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAbilities' },
		required: true,
		default: '',
		description:
			'The ability to test, by name (e.g. teams). The list shows the abilities the account has; test another by its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const abilitySchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.regex(
		/^[a-z0-9_]+$/,
		'must be an ability name such as teams (lower-case letters, digits and _)',
	);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ability = readParameter(this, itemIndex, 'ability', 'Ability Name or ID', abilitySchema);
	const test = async () =>
		await pagerDutyApiRequest.call(this, { method: 'GET', path: `/abilities/${pathId(ability)}` });
	try {
		// 204: the account has the ability.
		await explainStatus(
			this,
			404,
			{
				message: `PagerDuty knows no ability named "${ability}"`,
				description: 'Ability → Get Many lists the abilities the account has.',
			},
			test,
		);
		return { ability, available: true };
	} catch (error) {
		// 402: a known ability the account's plan lacks. That is the answer, not a failure.
		const nodeError = toNodeError(this.getNode(), error as Error);
		if (nodeError instanceof NodeApiError && nodeError.httpCode === '402')
			return { ability, available: false };
		throw nodeError;
	}
}

export const test = defineOperation({
	value: 'test',
	name: 'Test',
	description:
		"Check whether the account's PagerDuty plan has an ability (e.g. teams, event_intelligence) before using a feature that needs it. Needs the ability's name (Ability → Get Many lists those the account has). Returns { ability, available: true or false }; an unknown name is an error.",
	endpoints: ['GET /abilities/{id}'],
	properties,
	execute,
});
