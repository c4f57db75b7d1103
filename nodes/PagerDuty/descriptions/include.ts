import type { INodeProperties } from 'n8n-workflow';

import { camelToSnake } from '../helpers/utils';

/**
 * A request's "Include" option (PagerDuty's `include[]`): related objects returned in full. Every
 * Include is built here and read with `includeValues`, which sends PagerDuty's snake_case names
 * (some saved values are camelCase, as n8n's built-in node stored them).
 */
export function includeField(
	options: Array<{ name: string; value: string }>,
	description = 'Related objects to return in full instead of as references',
): INodeProperties {
	return {
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options,
		default: [],
		description,
	};
}

// n8n's built-in node saved this misspelt value; workflows moved over from it still carry it.
export const LEGACY_INCLUDE_VALUES: Record<string, string> = { assigness: 'assignees' };

/** An item's Include values as PagerDuty names them. */
export const includeValues = (value: unknown): string[] =>
	((value as string[] | undefined) ?? []).map((included) =>
		camelToSnake(LEGACY_INCLUDE_VALUES[included] ?? included),
	);
