/** PagerDuty REST error envelopes: {"error":{"message","code","errors"?}}. */

export class PagerDutyError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(`PagerDuty sandbox error ${status}`);
	}
}

function envelope(message: string, code: number, errors?: string[]): unknown {
	return { error: errors ? { message, code, errors } : { message, code } };
}

export const FROM_HEADER_MESSAGE = "You must specify a user's email address in the From header";

export const OFFSET_LIMIT_ERROR =
	'Offset+limit exceeds maximum allowed value of 10000. Please try to refine your search to reduce the returned set of records below this number, like adding a date range.';

export const ACCOUNT_TOKEN_ME_ERROR =
	"Because this request was made using an account-level access token, we were unable to determine the user's identity. Please use a user-level access token or an OAuth token.";

export function invalidInput(errors: string[]): PagerDutyError {
	return new PagerDutyError(400, envelope('Invalid Input Provided', 2001, errors));
}

export function argumentsCausedError(errors: string[]): PagerDutyError {
	return new PagerDutyError(400, envelope('Arguments Caused Error', 2002, errors));
}

export function notFound(): PagerDutyError {
	return new PagerDutyError(404, envelope('Not Found', 2100));
}

export function methodNotAllowed(errors: string[]): PagerDutyError {
	return new PagerDutyError(405, envelope('Method Not Allowed', 2100, errors));
}

export function authenticationFailed(): PagerDutyError {
	return new PagerDutyError(401, envelope('Authentication failed', 2006));
}

export function accessDenied(errors?: string[]): PagerDutyError {
	return new PagerDutyError(403, envelope('Access Denied', 2010, errors));
}

/**
 * A Scoped OAuth token without the operation's scope. PagerDuty says "Token missing required
 * scopes" with the scope in `required_scopes` (PagerDuty/terraform-provider-pagerduty#1027); the
 * rest of the envelope is modelled on its usual one, the exact shape is unverified.
 */
export function missingScope(scope: string): PagerDutyError {
	const message = 'Token missing required scopes';
	return new PagerDutyError(403, {
		error: { message, code: 2010, errors: [`${message}: ${scope}`], required_scopes: scope },
	});
}

/** 402: the account's plan lacks an ability the action needs (e.g. `coordinated_responding`). */
export function missingAbility(ability: string): PagerDutyError {
	return new PagerDutyError(402, {
		error: {
			message: 'Account does not have the abilities to perform the action',
			code: 2014,
			errors: [`Required abilities are unavailable: ${ability}`],
		},
	});
}

export function rateLimitExceeded(headers: Record<string, string> = {}): PagerDutyError {
	return new PagerDutyError(429, envelope('Rate Limit Exceeded', 2020), headers);
}

export function incidentAlreadyResolved(): PagerDutyError {
	return new PagerDutyError(
		400,
		envelope('Incident Already Resolved', 1001, ['Incident Already Resolved']),
	);
}

export function invalidPriority(): PagerDutyError {
	return new PagerDutyError(400, envelope('Invalid Priority', 1020, ['Priority not found']));
}

export function tooManyIncidents(count: number): PagerDutyError {
	return new PagerDutyError(
		413,
		envelope('Request Entity Too Large', 2001, [
			`A maximum of 250 incidents may be updated at a time (${count} given).`,
		]),
	);
}

/** Default bodies for injected faults, keyed by status. */
export function defaultFaultBody(status: number): unknown {
	if (status === 429) return envelope('Rate Limit Exceeded', 2020);
	if (status === 401) return envelope('Authentication failed', 2006);
	if (status === 404) return envelope('Not Found', 2100);
	if (status === 408) return envelope('Request Timeout', 2016);
	if (status >= 500) return envelope('Internal Server Error', 2000);
	return envelope('Error', 2000);
}

/**
 * 400 in the form of PagerDuty's /v3 APIs (shift-based schedules): `errors` maps each field to
 * its messages, e.g. `{ "event.effective_since": ["…"] }`.
 */
export function v3InvalidInput(errors: Record<string, string[]>): PagerDutyError {
	return new PagerDutyError(400, { error: { message: 'Invalid Request', code: 2001, errors } });
}
