/**
 * The credentials `npm run dev` imports into n8n: for the sandbox (API token, OAuth2 with a token the
 * sandbox issued, Events routing key), or for a real account from the environment.
 */
import { API_CREDENTIAL_TYPE, EVENTS_CREDENTIAL_TYPE, OAUTH_CREDENTIAL_TYPE } from './workflows';
import { DEFAULT_ROUTING_KEY } from '../sandbox/events';
import type { OAuthTokenResponse } from '../sandbox/oauth';
import { DEFAULT_ACCOUNT_TOKEN, DEFAULT_OAUTH_CLIENT } from '../sandbox/server';

/** One entry of the file `n8n import:credentials` reads. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Every credential pointing at the sandbox (REST, OAuth and Events on the same URL). */
export function sandboxCredentials(
	sandboxUrl: string,
	oauthTokenData: OAuthTokenResponse,
): CredentialImport[] {
	const sandboxHost = { region: 'custom', baseUrl: sandboxUrl };
	return [
		{
			id: 'pdDevSandboxApiToken',
			name: 'PagerDuty sandbox (API token)',
			type: API_CREDENTIAL_TYPE,
			data: {
				apiToken: DEFAULT_ACCOUNT_TOKEN,
				...sandboxHost,
				defaultFromEmail: 'jane.doe@example.com',
			},
		},
		{
			id: 'pdDevSandboxOAuth2',
			name: 'PagerDuty sandbox (OAuth2)',
			type: OAUTH_CREDENTIAL_TYPE,
			data: {
				clientId: DEFAULT_OAUTH_CLIENT.clientId,
				clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
				...sandboxHost,
				accessLevel: 'write',
				oauthTokenData,
			},
		},
		{
			id: 'pdDevSandboxEvents',
			name: 'PagerDuty sandbox (Events)',
			type: EVENTS_CREDENTIAL_TYPE,
			data: { routingKeySecret: DEFAULT_ROUTING_KEY, ...sandboxHost },
		},
	];
}

/**
 * Credentials for a real account: PAGERDUTY_API_TOKEN (required), PAGERDUTY_REGION us|eu or
 * PAGERDUTY_BASE_URL, PAGERDUTY_FROM_EMAIL; and an Events credential when PAGERDUTY_ROUTING_KEY is set.
 */
export function realAccountCredentials(env: NodeJS.ProcessEnv): CredentialImport[] {
	const region = env.PAGERDUTY_BASE_URL ? 'custom' : (env.PAGERDUTY_REGION ?? 'us').toLowerCase();
	const host = { region, baseUrl: env.PAGERDUTY_BASE_URL ?? '' };
	const credentials: CredentialImport[] = [
		{
			id: 'pdDevRealApiToken',
			name: `PagerDuty ${region.toUpperCase()} (PAGERDUTY_API_TOKEN)`,
			type: API_CREDENTIAL_TYPE,
			data: {
				apiToken: env.PAGERDUTY_API_TOKEN,
				...host,
				defaultFromEmail: env.PAGERDUTY_FROM_EMAIL ?? '',
			},
		},
	];
	if (env.PAGERDUTY_ROUTING_KEY) {
		credentials.push({
			id: 'pdDevRealEvents',
			name: `PagerDuty Events ${region.toUpperCase()} (PAGERDUTY_ROUTING_KEY)`,
			type: EVENTS_CREDENTIAL_TYPE,
			data: { routingKeySecret: env.PAGERDUTY_ROUTING_KEY, ...host },
		});
	}
	return credentials;
}
