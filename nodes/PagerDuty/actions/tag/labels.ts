import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';

/** A tag's label: not empty, at most 191 characters (PagerDuty's limit). */
export const labelSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.max(191, 'must be at most 191 characters');

/** A list of labels, one per entry; each checked. */
export function readLabels(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string[] {
	const entries = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
	return entries
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '')
		.map((entry) => validate(context, itemIndex, label, labelSchema, entry));
}
