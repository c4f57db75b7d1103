import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isEmptyLocatorValue, locator } from '../../../shared/locators';
import { invalidParameter, pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId, reference } from '../../helpers/utils';

export const alertIncidentLocator = locator('incident', {
	displayName: 'Incident',
	name: 'incidentId',
	required: true,
	description:
		'The incident the alerts belong to: pick it, paste its PagerDuty URL, or give its ID (from Incident → Get Many)',
});

export const alertIdField: INodeProperties = {
	displayName: 'Alert ID',
	name: 'alertId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Q3K2MD4CXKHYWM',
	description: 'ID of the alert, as returned by Alert → Get Many (its ID field)',
};

/** What Update and Update Many can do to alerts: resolve them and/or move them to another incident. */
const moveToIncidentLocator = locator('incident', {
	displayName: 'Move to Incident',
	name: 'moveToIncidentId',
	description:
		'Move the alerts to this open incident (e.g. to split unrelated alerts out); leave empty to keep them where they are',
});

export const alertChangeFields: INodeProperties[] = [
	{
		displayName: 'Resolve',
		name: 'resolve',
		type: 'boolean',
		default: false,
		description:
			'Whether to resolve the alerts. When no triggered alert is left on an incident, PagerDuty resolves the incident too.',
	},
	moveToIncidentLocator.field,
];

/** The change for PagerDuty's alert body (`status`, `incident`); at least one of them. */
export function readAlertChange(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const change: IDataObject = {};
	if (context.getNodeParameter('resolve', itemIndex, false) === true) change.status = 'resolved';
	if (!isEmptyLocatorValue(context.getNodeParameter('moveToIncidentId', itemIndex, ''))) {
		change.incident = reference(moveToIncidentLocator.read(context, itemIndex), 'incident');
	}
	if (Object.keys(change).length === 0) {
		throw invalidParameter(
			context,
			itemIndex,
			'Resolve',
			'must be on, or "Move to Incident" set: there is nothing to change',
		);
	}
	return change;
}

/** The REST path of the item's alert: `/incidents/{id}/alerts/{alert_id}`. */
export function readAlertPath(context: IExecuteFunctions, itemIndex: number): string {
	const incidentId = alertIncidentLocator.read(context, itemIndex);
	const alertId = readParameter(context, itemIndex, 'alertId', 'Alert ID', pagerDutyIdSchema);
	return `/incidents/${pathId(incidentId)}/alerts/${pathId(alertId)}`;
}
