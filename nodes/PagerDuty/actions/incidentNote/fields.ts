import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readParameter } from '../../../shared/validation';

export function noteContentField(description: string): INodeProperties {
	return {
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description,
	};
}

export const readNoteContent = (context: IExecuteFunctions, itemIndex: number): string =>
	readParameter(
		context,
		itemIndex,
		'content',
		'Content',
		z.string().trim().min(1, 'must not be empty'),
	);
