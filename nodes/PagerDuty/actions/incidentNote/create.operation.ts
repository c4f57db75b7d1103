import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { noteContentField, readNoteContent } from './fields';
import { fromEmailField } from '../../descriptions/common';
import { incidentIdField } from '../../descriptions/incident';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { readOptionalEmail } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentIdField,
	noteContentField("Text of the note, shown on the incident's timeline"),
	fromEmailField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = readLocatorId(this, itemIndex, 'incidentId', 'Incident', 'incident');
	const content = readNoteContent(this, itemIndex);
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/incidents/${pathId(incidentId)}/notes`,
		body: { note: { content } },
		from,
	});
	return response.note as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an incident note',
	description: "Add a note to an incident's timeline; returns the note",
	endpoints: ['POST /incidents/{id}/notes'],
	properties,
	execute,
});
