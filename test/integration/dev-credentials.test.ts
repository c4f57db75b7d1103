// What `npm run dev` imports into n8n: its credentials and its example workflow work against the sandbox.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { credentialTypes, jsonOf, queryOf, useSandbox } from './pagerduty';
import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { PagerDutyEventsApi } from '../../credentials/PagerDutyEventsApi.credentials';
import { runNode, testCredential } from '../../dev/harness/engine';
import { realAccountCredentials, sandboxCredentials } from '../../dev/n8n/dev-credentials';
import { exampleWorkflow } from '../../dev/n8n/workflows';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import { DEFAULT_OAUTH_CLIENT } from '../../dev/sandbox/server';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import { PagerDutyEvents } from '../../nodes/PagerDuty/PagerDutyEvents.node';

const pagerDuty = useSandbox({ seed: { incidents: 30 } });

const devCredentials = () =>
	sandboxCredentials(
		pagerDuty.sandbox.url,
		pagerDuty.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId, 'write'),
	);
const dataOf = (type: string) =>
	devCredentials().find((credential) => credential.type === type)!
		.data as ICredentialDataDecryptedObject;

describe('npm run dev: the sandbox credentials', () => {
	it('are an API token, an OAuth2 and an Events credential', () => {
		expect(devCredentials().map(({ type }) => type)).toEqual([
			'pagerDutyRestApi',
			'pagerDutyRestOAuth2Api',
			'pagerDutyEventsV2Api',
		]);
	});

	it("pass n8n's credential test against the sandbox (token and routing key)", async () => {
		expect(await testCredential(new PagerDutyApi(), dataOf('pagerDutyRestApi'))).toMatchObject({
			status: 'OK',
		});
		expect(
			await testCredential(new PagerDutyEventsApi(), dataOf('pagerDutyEventsV2Api')),
		).toMatchObject({ status: 'OK' });
		expect(dataOf('pagerDutyEventsV2Api').routingKeySecret).toBe(DEFAULT_ROUTING_KEY);
	});

	it('let the PagerDuty Events node trigger an alert', async () => {
		const result = await runNode({
			nodeType: new PagerDutyEvents(),
			parameters: { operation: 'trigger', summary: 'Disk full', source: 'db-01' },
			credentials: { pagerDutyEventsV2Api: dataOf('pagerDutyEventsV2Api') },
			credentialTypes: [new PagerDutyEventsApi()],
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ status: 'success' });
	});

	it('for a real account: an Events credential only with PAGERDUTY_ROUTING_KEY', () => {
		const env = { PAGERDUTY_API_TOKEN: 'token', PAGERDUTY_REGION: 'EU' };
		expect(realAccountCredentials(env).map(({ type, data }) => [type, data.region])).toEqual([
			['pagerDutyRestApi', 'eu'],
		]);
		expect(
			realAccountCredentials({ ...env, PAGERDUTY_ROUTING_KEY: 'key' }).map(({ type }) => type),
		).toEqual(['pagerDutyRestApi', 'pagerDutyEventsV2Api']);
	});
});

describe('npm run dev: the example workflow', () => {
	it('lists the newest incidents first', async () => {
		const [, node] = exampleWorkflow('example', { id: 'x', name: 'x' }).nodes as Array<{
			parameters: INodeParameters;
		}>;
		const result = await runNode({
			nodeType: new PagerDuty(),
			parameters: node.parameters,
			credentials: { pagerDutyRestApi: dataOf('pagerDutyRestApi') },
			credentialTypes,
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({ sort_by: 'created_at:desc' });
		const created = jsonOf(result).map((incident) => Date.parse(String(incident.created_at)));
		expect(created).toHaveLength(10);
		expect(created).toEqual([...created].sort((a, b) => b - a));
	});
});
