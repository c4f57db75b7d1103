import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { incidentLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail, readParameter } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

/** PagerDuty snoozes for at most 7 days. */
const MAX_SNOOZE_SECONDS = 604_800;

const properties: INodeProperties[] = [
	incidentLocator.field,
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'number',
		required: true,
		default: 3600,
		typeOptions: { minValue: 1, maxValue: MAX_SNOOZE_SECONDS },
		description:
			'How long to snooze the acknowledged incident, in seconds (1 to 604800, i.e. 7 days). When it ends the incident returns to triggered and pages again.',
	},
	fromEmailField,
];

const durationSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number of seconds')
	.min(1, `must be between 1 and ${MAX_SNOOZE_SECONDS} seconds (7 days)`)
	.max(MAX_SNOOZE_SECONDS, `must be between 1 and ${MAX_SNOOZE_SECONDS} seconds (7 days)`);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const duration = readParameter(this, itemIndex, 'duration', 'Duration (Seconds)', durationSchema);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/incidents/${pathId(incidentId)}/snooze`,
		body: { duration },
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.incident as IDataObject;
}

export const snooze = defineOperation({
	value: 'snooze',
	name: 'Snooze',
	description:
		'Silence an acknowledged incident for a while; it triggers again when the snooze ends',
	endpoints: ['POST /incidents/{id}/snooze'],
	properties,
	checksItself: ['duration'],
	execute,
});
