/**
 * Abilities: what the account's plan allows. `GET /abilities/{id}` answers 204 for an ability the
 * account has, 402 for one PagerDuty knows but the account lacks, 404 for a name PagerDuty does
 * not know (the known names below are a sample, not PagerDuty's whole list).
 */
import { missingAbility, notFound } from './errors';
import { RestHandler } from './rest-common';

/** Abilities PagerDuty knows that the seeded account does not have. */
export const LACKED_ABILITIES = [
	'event_intelligence',
	'incident_workflows',
	'response_plays',
	'status_pages',
	'team_responders',
];

export const ABILITY_HANDLERS: Record<string, RestHandler> = {
	'GET /abilities': (store) => ({ status: 200, body: { abilities: store.abilities } }),
	'GET /abilities/{id}': (store, request) => {
		const name = request.match.pathParams.id;
		if (store.abilities.includes(name)) return { status: 204, body: undefined };
		if (LACKED_ABILITIES.includes(name)) throw missingAbility(name);
		throw notFound();
	},
};
