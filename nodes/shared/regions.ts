/**
 * PagerDuty service regions. One table per API, so the credentials' test requests, the OAuth
 * endpoints and the transports can never disagree about which host a region means.
 */
export interface RegionHosts {
	us: string;
	eu: string;
}

export const REST_HOSTS: RegionHosts = {
	us: 'https://api.pagerduty.com',
	eu: 'https://api.eu.pagerduty.com',
};

/** Events API v2 hosts (alerts and change events), per region. */
export const EVENTS_HOSTS: RegionHosts = {
	us: 'https://events.pagerduty.com',
	eu: 'https://events.eu.pagerduty.com',
};

/** OAuth is served by one identity host for both regions; the region travels in the token. */
export const OAUTH_HOST = 'https://identity.pagerduty.com';

export interface RegionSettings {
	region?: string;
	baseUrl?: string;
}

/** The root URL for a credential's region: the region's host, or the custom base URL. */
export function baseUrlFor(hosts: RegionHosts, { region, baseUrl }: RegionSettings): string {
	if (region === 'custom') return (baseUrl ?? '').replace(/\/+$/, '');
	return region === 'eu' ? hosts.eu : hosts.us;
}

export const restBaseUrl = (settings: RegionSettings) => baseUrlFor(REST_HOSTS, settings);
export const eventsBaseUrl = (settings: RegionSettings) => baseUrlFor(EVENTS_HOSTS, settings);

const credentialField = (source: '$credentials' | '$self', name: string) =>
	source === '$self' ? `$self["${name}"]` : `$credentials.${name}`;

/** `baseUrlFor` as an n8n expression over the credential's own fields (`$credentials` or `$self`). */
export function baseUrlExpression(hosts: RegionHosts, source: '$credentials' | '$self'): string {
	const region = credentialField(source, 'region');
	const baseUrl = credentialField(source, 'baseUrl');
	return (
		`={{ ${region} === "custom" ? String(${baseUrl}).replace(/\\/+$/, "") : ` +
		`${region} === "eu" ? "${hosts.eu}" : "${hosts.us}" }}`
	);
}

/** OAuth endpoint (`/oauth/authorize` or `/oauth/token`) as an expression over the credential's fields. */
export function oauthUrlExpression(
	endpoint: 'authorize' | 'token',
	source: '$credentials' | '$self' = '$self',
): string {
	const region = credentialField(source, 'region');
	const baseUrl = credentialField(source, 'baseUrl');
	return (
		`={{ ${region} === "custom" ? String(${baseUrl}).replace(/\\/+$/, "") + "/oauth/${endpoint}" : ` +
		`"${OAUTH_HOST}/oauth/${endpoint}" }}`
	);
}
