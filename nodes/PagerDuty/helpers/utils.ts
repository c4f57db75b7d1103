import type { IDataObject } from 'n8n-workflow';

export const camelToSnake = (name: string) =>
	name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** PagerDuty reference objects: `{ id, type: '<kind>_reference' }`. */
export const reference = (id: string, kind: string): IDataObject => ({
	id,
	type: `${kind}_reference`,
});

/** Encodes a validated ID for a URL path. */
export const pathId = (id: string) => encodeURIComponent(id);

/** Drops keys whose value is empty, so PagerDuty never sees `""` for a field the user did not fill in. */
export function withoutEmpty(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) =>
				value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
		),
	);
}
