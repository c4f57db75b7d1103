import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { noteContentField, readNoteContent } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	noteContentField("Text of the note, shown on the incident's timeline"),
	fromEmailField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
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
	description: "Add a note to an incident's timeline; returns the note",
	endpoints: ['POST /incidents/{id}/notes'],
	properties,
	execute,
});
