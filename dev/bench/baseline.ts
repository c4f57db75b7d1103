// The baseline the benchmark compares against: n8n's built-in PagerDuty node's strategy, written
// here from its documented behaviour: one request per item, one after another; list pages read
// one after another with offset += 100 while `more`; no retry; the first error fails the run.
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const BASELINE_TYPE = 'bench.baselinePagerDuty';

export class BaselinePagerDuty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Baseline PagerDuty',
		name: 'baselinePagerDuty',
		group: ['output'],
		version: 1,
		description: 'Sequential requests, sequential paging, no retries',
		defaults: { name: 'Baseline PagerDuty' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pagerDutyRestApi', required: true }],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'getAll' },
			{ displayName: 'Incident ID', name: 'incidentId', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('pagerDutyRestApi');
		const request = (method: 'GET' | 'PUT', url: string, qs?: IDataObject, body?: IDataObject) =>
			this.helpers.httpRequestWithAuthentication.call(this, 'pagerDutyRestApi', {
				method,
				baseURL: String(credentials.baseUrl),
				url,
				qs,
				body,
				json: true,
				arrayFormat: 'brackets',
				headers: {
					Accept: 'application/vnd.pagerduty+json;version=2',
					'Content-Type': 'application/json',
					From: 'jane.doe@example.com',
				},
			}) as Promise<IDataObject>;

		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const incidentId = this.getNodeParameter('incidentId', itemIndex) as string;
			let records: IDataObject[];
			if (operation === 'getAll') {
				records = [];
				for (let offset = 0, more = true; more; offset += 100) {
					const page = await request('GET', '/incidents', { limit: 100, offset });
					records.push(...(page.incidents as IDataObject[]));
					more = page.more === true;
				}
			} else if (operation === 'get') {
				records = [(await request('GET', `/incidents/${incidentId}`)).incident as IDataObject];
			} else {
				const body = { incident: { type: 'incident_reference', status: 'acknowledged' } };
				records = [
					(await request('PUT', `/incidents/${incidentId}`, undefined, body))
						.incident as IDataObject,
				];
			}
			output.push(...records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
		}
		return [output];
	}
}

export const PASS_THROUGH_TYPE = 'bench.passThrough';

/**
 * Reads one parameter per item and passes the items on, paired: what n8n's engine costs per item
 * for any node (an expression like `{{ $json.id }}` is resolved by n8n, not by the node).
 */
export class PassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pass Through',
		name: 'passThrough',
		group: ['transform'],
		version: 1,
		description: 'Returns its input',
		defaults: { name: 'Pass Through' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Incident ID', name: 'incidentId', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({
				json: { ...item.json, incidentId: this.getNodeParameter('incidentId', index) },
				pairedItem: { item: index },
			})),
		];
	}
}
