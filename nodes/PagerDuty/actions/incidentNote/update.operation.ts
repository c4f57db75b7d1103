import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { noteContentField, readNoteContent } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pagerDutyIdSchema, readOptionalEmail, readParameter } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	{
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PWL7QXS',
		description:
			'ID of the note to change, as returned by Incident Note → Create or Get Many (its ID field)',
	},
	noteContentField("The note's new text; it replaces the old text"),
	fromEmailField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const noteId = readParameter(this, itemIndex, 'noteId', 'Note ID', pagerDutyIdSchema);
	const content = readNoteContent(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'PUT',
		path: `/incidents/${pathId(incidentId)}/notes/${pathId(noteId)}`,
		body: { note: { content } },
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.note as IDataObject;
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: 'Replace the text of a note on an incident; returns the note',
	endpoints: ['PUT /incidents/{id}/notes/{note_id}'],
	properties,
	execute,
});
