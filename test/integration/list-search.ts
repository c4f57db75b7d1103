// A locator's "From List" search, as the editor calls it, against the test file's sandbox.
import type { INodeParameters } from 'n8n-workflow';

import { credentialTypes } from './pagerduty';
import type { useSandbox } from './pagerduty';
import { callLoadOptions } from '../../dev/harness/engine';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';

/** Calls `methods.listSearch[method]` with the node's current `parameters` (for dependent lists). */
export async function listSearch(
	pagerDuty: ReturnType<typeof useSandbox>,
	method: string,
	parameters: INodeParameters = {},
	filter?: string,
	paginationToken?: string,
) {
	return await callLoadOptions({
		nodeType: new PagerDuty(),
		parameters: { authentication: 'apiToken', ...parameters },
		credentials: pagerDuty.credentialsFor('apiToken'),
		credentialTypes,
		method,
		kind: 'listSearch',
		args: [filter, paginationToken],
	});
}
