import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { withoutEmpty } from '../../helpers/utils';
import { explainStatus } from '../common';
import { userIncludeField } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [optionsCollection([userIncludeField])];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await explainStatus(
		this,
		400,
		{
			message: 'Get Current User needs a user API token or OAuth2, not an account-level API key',
			description:
				'An account-level API key belongs to no user, so PagerDuty cannot tell who "me" is. Use a credential with a user API token (My Profile → User Settings → Create API User Token) or OAuth2, or read the user by ID with User → Get.',
		},
		async () =>
			await pagerDutyApiRequest.call(this, {
				method: 'GET',
				path: '/users/me',
				qs: withoutEmpty({ include: includeValues(options.include) }),
			}),
	);
	return response.user as IDataObject;
}

export const getCurrent = defineOperation({
	value: 'getCurrent',
	name: 'Get Current',
	action: 'Get current user',
	description: 'Read the user the credential acts as (user API tokens and OAuth2 only)',
	endpoints: ['GET /users/me'],
	properties,
	execute,
});
