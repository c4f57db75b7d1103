// nodes/shared/hostCompat.ts's request wrapper, against stand-ins for the two ways n8n's
// httpRequestWithAuthentication treats `ignoreHttpStatusErrors: { ignore: true, except: [401] }`.
// The real hosts are exercised end to end: n8n 2.41 in the e2e suites, 1.123 in the smoke stage (OAuth2 refresh).
import type { IHttpRequestOptions } from 'n8n-workflow';

import { httpRequestWithAuthentication } from '../../nodes/shared/hostCompat';

const REQUEST: IHttpRequestOptions = {
	method: 'GET',
	url: '/incidents',
	returnFullResponse: true,
	ignoreHttpStatusErrors: { ignore: true, except: [401] },
};

/** A host answering `status`: like 2.x it throws for statuses in `except`, or like 1.x it never throws. */
function host(status: number, honoursExcept: boolean) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const statusErrors = options.ignoreHttpStatusErrors;
				const throws =
					statusErrors === false ||
					statusErrors === undefined ||
					(honoursExcept &&
						typeof statusErrors === 'object' &&
						statusErrors.except?.includes(status));
				if (throws && status >= 400) throw new Error(`status ${status}`);
				return { statusCode: status, body: {}, headers: {} };
			},
		},
	};
	return { context, sent };
}

describe('httpRequestWithAuthentication (host compat)', () => {
	it('sends once and returns any status the request ignores', async () => {
		const { context, sent } = host(404, false);
		const response = await httpRequestWithAuthentication(context, 'pagerDutyRestApi', REQUEST);
		expect(response.statusCode).toBe(404);
		expect(sent).toHaveLength(1);
	});

	it('on a host that honours `except` (2.x), a 401 throws from the first send', async () => {
		const { context, sent } = host(401, true);
		await expect(
			httpRequestWithAuthentication(context, 'pagerDutyRestOAuth2Api', REQUEST),
		).rejects.toThrow('status 401');
		expect(sent).toHaveLength(1);
	});

	it('on a host that hands a 401 back (1.x), sends it once more with status errors on', async () => {
		const { context, sent } = host(401, false);
		await expect(
			httpRequestWithAuthentication(context, 'pagerDutyRestOAuth2Api', REQUEST),
		).rejects.toThrow('status 401');
		expect(sent.map((options) => options.ignoreHttpStatusErrors)).toEqual([
			REQUEST.ignoreHttpStatusErrors,
			false,
		]);
		expect(sent[1]).toMatchObject({ method: 'GET', url: '/incidents', returnFullResponse: true });
	});
});
