// Shared setup for integration tests: the PagerDuty node run through n8n's execution engine
// (test/harness) against the contract-checked PagerDuty sandbox (test/sandbox), over real HTTP.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { PagerDutyEventsApi } from '../../credentials/PagerDutyEventsApi.credentials';
import { PagerDutyOAuth2Api } from '../../credentials/PagerDutyOAuth2Api.credentials';
import { PagerDutyScopedOAuth2Api } from '../../credentials/PagerDutyScopedOAuth2Api.credentials';
import type { RunNodeResult } from '../../dev/harness/engine';
import { callLoadOptions, runNode, watchEndpoints } from '../../dev/harness/engine';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import type { PagerDutySandbox, RecordedRequest, SandboxOptions } from '../../dev/sandbox/server';
import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_SCOPED_OAUTH_APP,
	DEFAULT_SUBDOMAIN,
	DEFAULT_USER_TOKEN,
	startSandbox,
} from '../../dev/sandbox/server';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import { PagerDutyEvents } from '../../nodes/PagerDuty/PagerDutyEvents.node';

export {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_SCOPED_OAUTH_APP,
	DEFAULT_SUBDOMAIN,
	DEFAULT_USER_TOKEN,
};
export const ADMIN_EMAIL = 'jane.doe@example.com';

export const credentialTypes = [
	new PagerDutyApi(),
	new PagerDutyOAuth2Api(),
	new PagerDutyScopedOAuth2Api(),
];

/** The node's Authentication values, and 'userToken': an API token that belongs to a user. */
export type Auth = 'apiToken' | 'userToken' | 'oAuth2' | 'scopedOAuth2';

const authenticationParameter = (auth: Auth) => (auth === 'userToken' ? 'apiToken' : auth);

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	auth?: Auth;
	/** Overrides merged into the chosen credential's data. */
	credential?: ICredentialDataDecryptedObject;
	/** Stops the execution once this resolves (n8n's Stop button). */
	cancelWhen?: () => Promise<unknown>;
	/** The workflow's time zone (default UTC). */
	timezone?: string;
}

/** Starts a sandbox for the test file and offers `run` to execute the node against it. */
export function useSandbox(options: SandboxOptions = {}) {
	const context = {} as {
		sandbox: PagerDutySandbox;
		oauthTokens: Record<string, ICredentialDataDecryptedObject>;
	};

	beforeAll(async () => {
		context.sandbox = await startSandbox(options);
		watchEndpoints(() => context.sandbox.requests);
	});
	afterAll(async () => {
		await context.sandbox?.close();
	});
	beforeEach(() => {
		context.sandbox.reset();
	});

	function credentialsFor(
		auth: Auth,
		overrides: ICredentialDataDecryptedObject = {},
	): Record<string, ICredentialDataDecryptedObject> {
		const region = { region: 'custom', baseUrl: context.sandbox.url };
		if (auth === 'oAuth2') {
			const token = context.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId);
			return {
				pagerDutyRestOAuth2Api: {
					...region,
					clientId: DEFAULT_OAUTH_CLIENT.clientId,
					clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
					oauthTokenData: {
						...token,
						token_type: 'Bearer',
					} as unknown as ICredentialDataDecryptedObject,
					...overrides,
				},
			};
		}
		if (auth === 'scopedOAuth2') {
			// An app token credential with no token stored: n8n fetches one on first use.
			return {
				pagerDutyScopedOAuth2Api: {
					...region,
					grantType: 'clientCredentials',
					clientId: DEFAULT_SCOPED_OAUTH_APP.clientId,
					clientSecret: DEFAULT_SCOPED_OAUTH_APP.clientSecret,
					subdomain: DEFAULT_SUBDOMAIN,
					// App tokens act for the account: writes name a user in PagerDuty's From header.
					defaultFromEmail: ADMIN_EMAIL,
					...overrides,
				},
			};
		}
		const apiToken = auth === 'userToken' ? DEFAULT_USER_TOKEN : DEFAULT_ACCOUNT_TOKEN;
		return { pagerDutyRestApi: { apiToken, ...region, ...overrides } };
	}

	async function run(
		parameters: INodeParameters,
		runOptions: RunOptions = {},
	): Promise<RunNodeResult> {
		const auth = runOptions.auth ?? 'apiToken';
		return await runNode({
			nodeType: new PagerDuty(),
			parameters: { authentication: authenticationParameter(auth), ...parameters },
			credentials: credentialsFor(auth, runOptions.credential),
			credentialTypes,
			items: runOptions.items,
			continueOnFail: runOptions.continueOnFail,
			cancelWhen: runOptions.cancelWhen,
			timezone: runOptions.timezone,
		});
	}

	/**
	 * Runs the PagerDuty Events node against the sandbox with its Events credential: the
	 * sandbox's default routing key, `credential` merged in.
	 */
	async function runEvents(
		parameters: INodeParameters,
		runOptions: Omit<RunOptions, 'auth'> = {},
	): Promise<RunNodeResult> {
		return await runNode({
			nodeType: new PagerDutyEvents(),
			parameters,
			credentials: {
				pagerDutyEventsV2Api: {
					routingKeySecret: DEFAULT_ROUTING_KEY,
					region: 'custom',
					baseUrl: context.sandbox.url,
					...runOptions.credential,
				},
			},
			credentialTypes: [...credentialTypes, new PagerDutyEventsApi()],
			items: runOptions.items,
			continueOnFail: runOptions.continueOnFail,
			cancelWhen: runOptions.cancelWhen,
			timezone: runOptions.timezone,
		});
	}

	async function loadOptions(
		method: string,
		parameters: INodeParameters = {},
		auth: Auth = 'apiToken',
	) {
		return await callLoadOptions({
			nodeType: new PagerDuty(),
			parameters: { authentication: authenticationParameter(auth), ...parameters },
			credentials: credentialsFor(auth),
			credentialTypes,
			method,
			kind: 'loadOptions',
		});
	}

	/** A locator's "From List" search, as the editor calls it (parameters: the node's, for dependent lists). */
	async function listSearch(
		method: string,
		options: { filter?: string; paginationToken?: string; parameters?: INodeParameters } = {},
	) {
		return await callLoadOptions({
			nodeType: new PagerDuty(),
			parameters: { authentication: 'apiToken', ...options.parameters },
			credentials: credentialsFor('apiToken'),
			credentialTypes,
			method,
			kind: 'listSearch',
			args: [options.filter, options.paginationToken],
		});
	}

	/** REST requests the sandbox received (OAuth token calls left out). */
	const restRequests = (): RecordedRequest[] =>
		context.sandbox.requests.filter((request) => !request.path.startsWith('/oauth/'));

	return {
		get sandbox() {
			return context.sandbox;
		},
		run,
		runEvents,
		loadOptions,
		listSearch,
		credentialsFor,
		restRequests,
	};
}

/** The JSON of every output item. */
export const jsonOf = (result: RunNodeResult) => result.items.map((item) => item.json);

/** Which input item each output item is paired with. */
export const pairedItemsOf = (result: RunNodeResult) =>
	result.items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

export const queryOf = (request: RecordedRequest) => {
	const query: Record<string, string | string[]> = {};
	for (const [name, value] of request.query) {
		const existing = query[name];
		query[name] = existing === undefined ? value : [existing, value].flat();
	}
	return query;
};

/** A resource locator's value given By ID, as the editor saves it. */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

/** n8n's zero-based item marker at the end of an error text: " [item 0]". */
export const itemMarker = (index: number) => new RegExp(` \\[item ${index}\\]$`);
