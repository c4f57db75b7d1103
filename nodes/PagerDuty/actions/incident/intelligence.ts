import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { explainStatus } from '../common';

/** Options → Include Full Incident(s): PagerDuty's `additional_details[]=incident`. */
export function fullIncidentOption(plural: boolean): INodeProperties {
	return {
		displayName: plural ? 'Include Full Incidents' : 'Include Full Incident',
		name: 'includeFullIncident',
		type: 'boolean',
		default: false,
		description: plural
			? 'Whether to return each incident in full instead of its ID, title, creation time and API URL'
			: 'Whether to return the incident in full instead of its ID, title, creation time and API URL',
	};
}

export const additionalDetails = (options: IDataObject) =>
	options.includeFullIncident === true ? ['incident'] : undefined;

/**
 * Reads one of PagerDuty's incident intelligence answers (related, past, outlier incidents). These
 * need PagerDuty AIOps or the Digital Operations plan; PagerDuty answers 403 without them.
 */
export async function readIntelligence(
	context: IExecuteFunctions,
	path: string,
	qs: IDataObject,
): Promise<IDataObject> {
	return await explainStatus(
		context,
		403,
		{
			message: 'this needs PagerDuty AIOps or the Digital Operations plan',
			description:
				'Related, past and outlier incidents are PagerDuty AIOps features. If the account has AIOps, the credential may lack access to incidents instead (a Scoped OAuth token needs incidents.read).',
		},
		async () => await pagerDutyApiRequest.call(context, { method: 'GET', path, qs }),
	);
}
