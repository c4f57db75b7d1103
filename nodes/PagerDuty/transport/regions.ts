/**
 * PagerDuty service regions. One table so the credentials' test requests, the OAuth endpoints and
 * the node's transport can never disagree about which host a region means.
 */
export const REST_HOSTS = {
	us: 'https://api.pagerduty.com',
	eu: 'https://api.eu.pagerduty.com',
} as const;

/** Events API v2 hosts (alerts and change events), per region. */
export const EVENTS_HOSTS = {
	us: 'https://events.pagerduty.com',
	eu: 'https://events.eu.pagerduty.com',
} as const;

/** OAuth is served by one identity host for both regions; the region travels in the token. */
export const OAUTH_HOST = 'https://identity.pagerduty.com';

export type Region = keyof typeof REST_HOSTS | 'custom';

export interface RegionSettings {
	region?: string;
	baseUrl?: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export function restBaseUrl({ region, baseUrl }: RegionSettings): string {
	if (region === 'custom') return withoutTrailingSlash(baseUrl ?? '');
	return region === 'eu' ? REST_HOSTS.eu : REST_HOSTS.us;
}

/** The same mapping as an n8n expression over the credential's own fields (`$credentials` or `$self`). */
export function restBaseUrlExpression(source: '$credentials' | '$self'): string {
	const field = (name: string) => (source === '$self' ? `$self["${name}"]` : `$credentials.${name}`);
	return (
		`={{ ${field('region')} === "custom" ? String(${field('baseUrl')}).replace(/\\/+$/, "") : ` +
		`${field('region')} === "eu" ? "${REST_HOSTS.eu}" : "${REST_HOSTS.us}" }}`
	);
}

export function eventsBaseUrl({ region, baseUrl }: RegionSettings): string {
	if (region === 'custom') return withoutTrailingSlash(baseUrl ?? '');
	return region === 'eu' ? EVENTS_HOSTS.eu : EVENTS_HOSTS.us;
}

/** The Events API v2 host as an n8n expression over the credential's own fields. */
export function eventsBaseUrlExpression(source: '$credentials' | '$self'): string {
	const field = (name: string) => (source === '$self' ? `$self["${name}"]` : `$credentials.${name}`);
	return (
		`={{ ${field('region')} === "custom" ? String(${field('baseUrl')}).replace(/\\/+$/, "") : ` +
		`${field('region')} === "eu" ? "${EVENTS_HOSTS.eu}" : "${EVENTS_HOSTS.us}" }}`
	);
}

/** OAuth endpoint (`/oauth/authorize` or `/oauth/token`) as an expression over the credential's fields. */
export function oauthUrlExpression(endpoint: 'authorize' | 'token'): string {
	return (
		`={{ $self["region"] === "custom" ? String($self["baseUrl"]).replace(/\\/+$/, "") + "/oauth/${endpoint}" : ` +
		`"${OAUTH_HOST}/oauth/${endpoint}" }}`
	);
}

export const regionProperties = [
	{
		displayName: 'Service Region',
		name: 'region',
		type: 'options' as const,
		options: [
			{
				name: 'US (api.pagerduty.com)',
				value: 'us',
			},
			{
				name: 'EU (api.eu.pagerduty.com)',
				value: 'eu',
			},
			{
				name: 'Custom Base URL',
				value: 'custom',
				description: 'A proxy in front of PagerDuty, or a local PagerDuty sandbox for testing',
			},
		],
		default: 'us',
		description:
			'The region your PagerDuty account lives in. A token used against the wrong region is answered with 401.',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string' as const,
		default: '',
		placeholder: 'e.g. http://127.0.0.1:4010',
		required: true,
		displayOptions: {
			show: {
				region: ['custom'],
			},
		},
		description: 'Root URL that serves the PagerDuty REST API v2 (and, for OAuth2, /oauth/authorize and /oauth/token)',
	},
];
