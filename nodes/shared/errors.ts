import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ScopedToken } from './scopes';
import { requiredScopesOf, scopeAdvice } from './scopes';

/** PagerDuty's error envelope: `errors` is a list of strings, or (in /v3 APIs) an object of field → messages. */
type PagerDutyErrorList = string[] | Record<string, string[] | string>;

interface PagerDutyErrorBody {
	error?: {
		message?: string;
		code?: number;
		errors?: PagerDutyErrorList;
	};
}

export interface FailedRequest {
	method: string;
	path: string;
	status?: number;
	body?: unknown;
	/** The email sent in PagerDuty's `From` header, if any (an email is not a secret). */
	from?: string;
}

/**
 * How every message this package builds names its item: n8n's own form, zero-based as the error
 * card's "Item Index" and `$itemIndex` are (n8n-core's parameter checks end with "[item 0]").
 */
export const itemSuffix = (itemIndex?: number) =>
	itemIndex === undefined ? '' : ` [item ${itemIndex}]`;

/**
 * n8n's error card shows a description as one paragraph: its parts are joined as sentences, each
 * ending with a period, or they run together.
 */
export function sentences(...parts: Array<string | null | undefined>): string | undefined {
	const text = parts
		.map((part) => part?.trim())
		.filter((part): part is string => Boolean(part))
		.map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
		.join(' ');
	return text === '' ? undefined : text;
}

const FROM_HEADER_MESSAGE = /From header/i;

function listDetails(errors: PagerDutyErrorList | undefined): string[] {
	if (!errors) return [];
	if (Array.isArray(errors)) return errors.map(String);
	return Object.entries(errors).map(
		([field, messages]) => `${field}: ${[messages].flat().join(', ')}`,
	);
}

function hintFor(
	request: FailedRequest,
	details: string[],
	authentication: string,
	missingScopes: string[],
	scopedToken?: ScopedToken,
): string | undefined {
	if (details.some((detail) => FROM_HEADER_MESSAGE.test(detail))) {
		return request.from
			? `PagerDuty knows no user with the email ${request.from} in this account: use the email of an existing PagerDuty user in "Email" or in the credential's "Default From Email".`
			: 'This write needs the email of a PagerDuty user to act as: fill in "Email", or set "Default From Email" in the credential. User tokens (API or OAuth) do not need it; account-level keys and app tokens do.';
	}
	switch (request.status) {
		case 401:
			return "PagerDuty rejected the credential. Check the token, and that the credential's Service Region matches your account: a US token used against the EU host (or the reverse) is also answered with 401.";
		case 402:
			return 'Your PagerDuty plan lacks the ability this operation needs (see GET /abilities).';
		case 403:
			if (scopedToken) {
				return missingScopes.length > 0
					? scopeAdvice(scopedToken, missingScopes)
					: 'The Scoped OAuth token is not allowed to do this. Check the scopes of the credential and of the app in PagerDuty.';
			}
			return authentication === 'oAuth2'
				? 'The OAuth2 token lacks the scope for this operation. Reconnect the credential with Access Level "Read/Write".'
				: 'The token is not allowed to do this: a read-only API key cannot write, and a user token can only do what that user may do.';
		case 404:
			return 'Check the ID. IDs are case-sensitive and belong to one PagerDuty account and region.';
		case 429:
			return "PagerDuty's rate limit (960 requests per minute per token) was exceeded. Lower the batch size or spread the workflow's runs out.";
		default:
			return undefined;
	}
}

/**
 * Turns a failed PagerDuty request into an n8n error that says what PagerDuty said and what to do.
 * Built from the status and response body only, so no request header (and no token) can leak into it.
 * With a Scoped OAuth token, a 403 names the scopes the endpoint requires and how to add them.
 */
export function pagerDutyApiError(
	node: INode,
	request: FailedRequest,
	authentication: string,
	scopedToken?: ScopedToken,
): NodeApiError {
	const envelope = (request.body ?? {}) as PagerDutyErrorBody;
	const details = listDetails(envelope.error?.errors);
	const code = envelope.error?.code;
	const statusText = request.status ? `${request.status}` : 'no response';
	const pagerDutyMessage = envelope.error?.message ?? 'The request failed';
	const message = `PagerDuty ${statusText}: ${pagerDutyMessage}${code !== undefined ? ` (code ${code})` : ''}`;
	const missingScopes =
		scopedToken && request.status === 403
			? requiredScopesOf(request.method, request.path, request.body)
			: [];
	const hint = hintFor(request, details, authentication, missingScopes, scopedToken);
	const description = sentences(details.join('; '), hint);
	const summary: JsonObject = {
		message,
		request: `${request.method} ${request.path}`,
		...(code !== undefined && { pagerDutyCode: code }),
		...(details.length > 0 && { pagerDutyErrors: details }),
	};
	const error = new NodeApiError(node, summary, {
		message,
		description,
		httpCode: request.status ? String(request.status) : undefined,
	});
	if (missingScopes.length > 0) error.context.missingScopes = missingScopes;
	return error;
}

/** A JSON object, as every record and answer PagerDuty gives is. */
export const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The error for a successful answer whose body is not the JSON the operation expects: `answered`
 * says who answered what ("PagerDuty answered 200 to GET /incidents/Q1"), `reason` what is wrong.
 * It names its item once the router knows it.
 */
export function unusableAnswer(
	node: INode,
	answered: string,
	reason: string,
	description = 'Nothing usable came back, so nothing is output for this item. A proxy in front of PagerDuty can cause this.',
): NodeOperationError {
	const error = new NodeOperationError(
		node,
		`${answered}, but the body is not usable JSON: ${reason}`,
		{ description },
	);
	nameItemLater(error);
	return error;
}

/** Errors built where the item is not known (the transport); toNodeError names it. */
const namingItemLater = new WeakSet<Error>();

/** Marks an error whose message should end with its item, once toNodeError learns which. */
export function nameItemLater(error: Error): void {
	namingItemLater.add(error);
}

/**
 * Makes any error an n8n error, with the item index when there is one. Errors from n8n's own
 * classes are re-used as they are: wrapping them again would hand back the same object and drop
 * the index.
 */
export function toNodeError(
	node: INode,
	error: Error,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) {
			error.context.itemIndex = itemIndex;
			if (namingItemLater.delete(error)) error.message += itemSuffix(itemIndex);
		}
		return error;
	}
	return new NodeOperationError(node, error, { itemIndex });
}
