import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { defaultFromEmailField } from './fromEmailField';
import { oauthEndpointFields } from './oauthFields';
import { regionFields } from './regionFields';
import { usedByNotice } from './usedByNotice';
import { presets } from '../nodes/shared/nodeScopes.generated.json';
import { REST_HOSTS, oauthUrlExpression } from '../nodes/shared/regions';
import { scopes as scopeNames } from '../nodes/shared/scopes.generated.json';

// `incident.read` (singular) appears once in PagerDuty's spec, on an SRE-agent endpoint; the scope
// PagerDuty documents for incidents is `incidents.read`, so the singular one is not offered.
const SCOPE_CHOICES = scopeNames.filter((scope) => scope !== 'incident.read');

const list = (scopes: readonly string[]) => JSON.stringify(scopes.join(' '));

/**
 * The `scope` n8n sends, computed from the visible fields: PagerDuty's account scope
 * `as_account-<us|eu>.<subdomain>` (the subdomain may be typed as a whole address) and the preset's
 * or the chosen scopes. The presets are derived from the node's operations (tools/derive-scopes.js).
 */
const SCOPE_EXPRESSION =
	'={{ "as_account-" + ($self["region"] === "custom" ? $self["accountRegion"] : $self["region"]) + "." + ' +
	'String($self["subdomain"] || "").trim().toLowerCase().replace(/^https?:\\/\\//, "").split(".")[0] + " " + ' +
	`($self["scopePreset"] === "custom" ? [].concat($self["scopes"] || []).join(" ") : ` +
	`$self["scopePreset"] === "readOnly" ? ${list(presets.readOnly)} : ${list(presets.readWrite)}) }}`;

/**
 * PagerDuty's Scoped OAuth: an app token (client credentials; n8n fetches it, and a new one when
 * PagerDuty answers 401, as these tokens have no refresh token) or a scoped user token (authorization
 * code with PKCE and the client secret). One credential for both: they share the app registration,
 * the account and the scopes; only who the token acts for differs.
 * Registered as pagerDutyScopedOAuth2Api: credential type names are global in n8n.
 */
export class PagerDutyScopedOAuth2Api implements ICredentialType {
	name = 'pagerDutyScopedOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'PagerDuty Community Scoped OAuth2 API';

	icon = {
		light: 'file:../icons/pagerduty.svg',
		dark: 'file:../icons/pagerduty.dark.svg',
	} as const;

	documentationUrl = 'https://developer.pagerduty.com/docs/oauth-functionality';

	// n8n 2.41 ignores stored values of hidden OAuth fields and uses these defaults: the endpoints and
	// the scope are expressions over the visible fields. The grant type is visible, so it is stored.
	properties: INodeProperties[] = [
		usedByNotice('PagerDuty and PagerDuty Trigger nodes'),
		{
			displayName: 'Token Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'App Token (Client Credentials)',
					value: 'clientCredentials',
					description:
						'n8n gets a token for the app itself, and a new one when it expires. Acts for the account, not a user.',
				},
				{
					name: 'User Token (Authorization Code with PKCE)',
					value: 'authorizationCode',
					description:
						'A PagerDuty user connects the app with "Connect my account"; the token acts as that user',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Use PKCE',
			name: 'usePkce',
			type: 'hidden',
			default: true,
		},
		{
			displayName:
				'Used by the PagerDuty and PagerDuty Trigger nodes of the n8n-nodes-pagerduty community package (Authentication: Scoped OAuth2). Register a Scoped OAuth app in PagerDuty: Integrations → App Registration.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...regionFields(
			REST_HOSTS,
			'the PagerDuty REST API v2 and its OAuth endpoints (/oauth/authorize, /oauth/token)',
		),
		{
			displayName: 'Account Region',
			name: 'accountRegion',
			type: 'options',
			options: [
				{ name: 'US', value: 'us' },
				{ name: 'EU', value: 'eu' },
			],
			default: 'us',
			displayOptions: { show: { region: ['custom'] } },
			description:
				'The region of the PagerDuty account behind the custom Base URL, for the account scope',
		},
		{
			displayName: 'Account Subdomain',
			name: 'subdomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. acme',
			description:
				'The first part of your PagerDuty address: acme for https://acme.pagerduty.com. PagerDuty needs it in every scoped token request (as_account-<region>.<subdomain>).',
		},
		{ ...defaultFromEmailField, displayOptions: { show: { grantType: ['clientCredentials'] } } },
		{
			displayName: 'Scopes',
			name: 'scopePreset',
			type: 'options',
			options: [
				{
					name: 'Everything This Node Can Do (Read/Write)',
					value: 'readWrite',
					description: `Every scope the node's operations need: ${presets.readWrite.join(', ')}`,
				},
				{
					name: 'Everything This Node Can Do (Read-Only)',
					value: 'readOnly',
					description: `The read scopes of the node's operations: ${presets.readOnly.join(', ')}`,
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Choose the scopes one by one',
				},
			],
			default: 'readWrite',
			description:
				'What to ask PagerDuty for. PagerDuty grants only what the app registration allows and drops the rest silently; the node then refuses operations whose scope is missing, saying which one.',
		},
		{
			displayName: 'Custom Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: SCOPE_CHOICES.map((scope) => ({ name: scope, value: scope })),
			default: [],
			displayOptions: { show: { scopePreset: ['custom'] } },
			description: "PagerDuty's scope names; the README lists which operation needs which",
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: SCOPE_EXPRESSION,
		},
		...oauthEndpointFields,
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
	];

	// n8n gets the app token before this request (its client-credentials step), so a wrong Client ID,
	// secret, subdomain or region fails the test there. This request then asks the token endpoint
	// once more: the one PagerDuty endpoint that answers whatever scopes the app was granted.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: oauthUrlExpression('token', '$credentials'),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				grant_type: 'client_credentials',
				client_id: '={{ $credentials.clientId }}',
				client_secret: '={{ $credentials.clientSecret }}',
				scope: '={{ $credentials.scope }}',
			},
		},
	};
}
