import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { pagerDutyApiError } from '../helpers/errors';
import { restBaseUrl } from './regions';

export type PagerDutyContext = IExecuteFunctions | ILoadOptionsFunctions;

/** The `authentication` parameter's values, as in n8n's built-in PagerDuty node. */
export type Authentication = 'apiToken' | 'oAuth2';

export const credentialTypeFor = (authentication: Authentication) =>
	authentication === 'oAuth2' ? 'pagerDutyRestOAuth2Api' : 'pagerDutyRestApi';

const ACCEPT = 'application/vnd.pagerduty+json;version=2';

/** PagerDuty's page size ceiling and the deepest offset its classic pagination reaches. */
export const PAGE_SIZE = 100;
export const OFFSET_CEILING = 10_000;

export interface PagerDutyRequest {
	method: IHttpRequestMethods;
	/** Path below the REST root, IDs already encoded, e.g. `/incidents/Q1ABC`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Email for PagerDuty's `From` header; falls back to the credential's default. */
	from?: string;
}

interface Connection {
	authentication: Authentication;
	credentialType: string;
	baseUrl: string;
	defaultFrom?: string;
}

// One lookup per execution context: every item and page of a run shares the same credential.
const connections = new WeakMap<PagerDutyContext, Promise<Connection>>();

function authenticationOf(context: PagerDutyContext): Authentication {
	const value =
		'getInputData' in context
			? context.getNodeParameter('authentication', 0, 'apiToken')
			: context.getNodeParameter('authentication', 'apiToken');
	return value === 'oAuth2' ? 'oAuth2' : 'apiToken';
}

async function resolveConnection(context: PagerDutyContext): Promise<Connection> {
	const authentication = authenticationOf(context);
	const credentialType = credentialTypeFor(authentication);
	const credentials = await context.getCredentials(credentialType);
	const baseUrl = restBaseUrl({
		region: credentials.region as string | undefined,
		baseUrl: credentials.baseUrl as string | undefined,
	});
	if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			`The credential's Base URL "${baseUrl}" is not an http(s) URL`,
		);
	}
	const defaultFrom = (credentials.defaultFromEmail as string | undefined)?.trim() || undefined;
	return { authentication, credentialType, baseUrl, defaultFrom };
}

function connectionFor(context: PagerDutyContext): Promise<Connection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = resolveConnection(context);
		connections.set(context, connection);
	}
	return connection;
}

/** Sends one request to PagerDuty's REST API v2 and returns the parsed JSON body. */
export async function pagerDutyApiRequest(
	this: PagerDutyContext,
	request: PagerDutyRequest,
): Promise<IDataObject> {
	const connection = await connectionFor(this);
	const from = request.from?.trim() || connection.defaultFrom;
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: connection.baseUrl,
		url: request.path,
		qs: request.qs,
		body: request.body,
		json: true,
		arrayFormat: 'brackets',
		headers: {
			Accept: ACCEPT,
			'Content-Type': 'application/json',
			...(from && { From: from }),
		},
		returnFullResponse: true,
		// 401 must still throw: that is how n8n knows to refresh an OAuth2 token and retry.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	const failed = { method: request.method, path: request.path };

	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			connection.credentialType,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode) {
			throw pagerDutyApiError(
				this.getNode(),
				{ ...failed, status: Number(error.httpCode), body: error.context.data },
				connection.authentication,
			);
		}
		throw new NodeOperationError(
			this.getNode(),
			`Could not reach PagerDuty at ${connection.baseUrl}: ${(error as Error).message}`,
		);
	}

	if (response.statusCode >= 400) {
		throw pagerDutyApiError(
			this.getNode(),
			{ ...failed, status: response.statusCode, body: response.body },
			connection.authentication,
		);
	}
	return (response.body ?? {}) as IDataObject;
}

/**
 * Reads a classic offset-paginated list. With `maxItems` it stops once that many records are in;
 * without it, it reads every page. PagerDuty refuses offsets past 10,000, so a query that would
 * need them fails with advice instead of silently returning a truncated list.
 */
export async function pagerDutyApiRequestAllItems(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	maxItems = Infinity,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const pageSize = Math.min(PAGE_SIZE, maxItems);
	let offset = 0;
	let more = true;
	while (more && records.length < maxItems) {
		if (offset + pageSize > OFFSET_CEILING) {
			throw new NodeOperationError(
				this.getNode(),
				`PagerDuty lists at most ${OFFSET_CEILING.toLocaleString('en-US')} records per query, and this query has more`,
				{
					description:
						'Narrow the query so it matches fewer records: set Since/Until to a shorter time window, or filter by status, service, team or user. Or set a Limit.',
				},
			);
		}
		const page = await pagerDutyApiRequest.call(this, {
			...request,
			qs: { ...request.qs, limit: pageSize, offset },
		});
		const pageRecords = (page[propertyName] as IDataObject[] | undefined) ?? [];
		records.push(...pageRecords);
		more = page.more === true && pageRecords.length > 0;
		// Advance by the page size asked for, not by 1 (n8n-io/n8n#35775).
		offset += pageSize;
	}
	return records.slice(0, maxItems);
}
