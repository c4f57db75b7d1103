/**
 * What differs between the n8n lines this package runs in (1.123.x and 2.x). Each difference is detected when
 * it is used, never at load, so an older host loads the package and takes the form it has.
 */
import type {
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	RequestHelperFunctions,
} from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or rejects as soon as `signal` aborts (the execution was cancelled).
 * n8n-workflow 2.x's `sleep(ms, signal)` honours the signal. 1.x's `sleep(ms)` ignores a second argument, so a
 * cancelled execution would sit out a whole rate-limit wait; 1.x exports the abortable `sleepWithAbort` instead.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	const sleepWithAbort = (n8nWorkflow as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;
	if (signal && typeof sleepWithAbort === 'function') return await sleepWithAbort(ms, signal);
	return await n8nWorkflow.sleep(ms, signal);
}

interface AuthenticatedRequester {
	helpers: Pick<RequestHelperFunctions, 'httpRequestWithAuthentication'>;
}

/**
 * `helpers.httpRequestWithAuthentication` for a full-response request whose `ignoreHttpStatusErrors` is
 * `{ ignore: true, except: [...] }`: statuses in `except` must throw (a 401 has to, for n8n to refresh an OAuth2
 * token and retry). n8n 1.x reads the option as a plain boolean and hands those statuses back instead. When one
 * comes back anyway, the request is sent once more with status errors on, so the host's own handling runs
 * (OAuth2 refresh, or the error it throws).
 */
export async function httpRequestWithAuthentication(
	context: AuthenticatedRequester,
	credentialType: string,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const send = async (request: IHttpRequestOptions) =>
		(await context.helpers.httpRequestWithAuthentication.call(
			context as never,
			credentialType,
			request,
		)) as IN8nHttpFullResponse;
	const response = await send(options);
	const statusErrors = options.ignoreHttpStatusErrors;
	const mustThrow = typeof statusErrors === 'object' ? (statusErrors.except ?? []) : [];
	if (!mustThrow.includes(response.statusCode)) return response;
	return await send({ ...options, ignoreHttpStatusErrors: false });
}
