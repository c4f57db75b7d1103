import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { LOCATORS } from '../helpers/locators';
import type { LocatorKind } from '../helpers/locators';

export type { LocatorKind };

interface LocatorFieldOptions {
	displayName: string;
	name: string;
	description: string;
	required?: boolean;
}

/**
 * A resource locator for a PagerDuty object: pick it from a searchable list, paste its web URL
 * (US or EU), or give its ID. Read it with `readLocatorId`, which also takes the plain ID strings
 * that workflows saved by n8n's built-in node hold.
 */
export function locatorField(kind: LocatorKind, options: LocatorFieldOptions): INodeProperties {
	const locator = LOCATORS[kind];
	// Modes are not parameters; the lint rule asking for a default mistakes them for ones.
	const modes: INodePropertyMode[] = [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: `Select a ${locator.noun}...`,
			typeOptions: { searchListMethod: locator.searchMethod, searchable: true },
		},
	];
	if (locator.urlPattern) {
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: locator.urlExample,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: locator.urlPattern.source,
						errorMessage: `Not a PagerDuty ${locator.noun} URL (e.g. ${locator.urlExample})`,
					},
				},
			],
			extractValue: { type: 'regex', regex: locator.urlPattern.source },
		});
	}
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	modes.push({
		displayName: 'By ID',
		name: 'id',
		type: 'string',
		placeholder: locator.idExample,
		validation: [
			{
				type: 'regex',
				properties: {
					regex: '^[A-Za-z0-9]+$',
					errorMessage: 'A PagerDuty ID has letters and digits only',
				},
			},
		],
	});
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		description: options.description,
		modes,
	};
}
