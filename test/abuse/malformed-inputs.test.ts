// Abuse suite, malformed input: what a careless user, a broken expression or a model filling a tool
// call could give the node. Each case is one item with one bad value on an otherwise valid request,
// run with "continue on fail": it must come out as one error item paired with its input, and the
// whole run (hidden properties of errors included) must hold no secret.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createTally } from './tally';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import type { SandboxStore } from '../../dev/sandbox/store';
import {
	ADMIN_EMAIL,
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_USER_TOKEN,
	jsonOf,
	pairedItemsOf,
	useSandbox,
} from '../integration/pagerduty';

const pagerDuty = useSandbox({ seed: { incidents: 10 } });
const tally = createTally('malformed inputs');

const SECRETS = [
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_USER_TOKEN,
	DEFAULT_ROUTING_KEY,
	DEFAULT_OAUTH_CLIENT.clientId,
	DEFAULT_OAUTH_CLIENT.clientSecret,
];

/** IDs of seeded objects, for the valid rest of each request. */
function seeded(store: SandboxStore) {
	return {
		incident: store.incidents[0].id,
		service: store.services[0].id,
		user: store.users[0].id,
		team: store.teams[0].id,
		schedule: store.schedules[0].id,
		escalationPolicy: store.escalationPolicies[0].id,
	};
}
type Seeded = ReturnType<typeof seeded>;

const BAD_IDS = ['../users', 'P1?x=1', 'P1#top', 'P'.repeat(5000), 'a/b'];
const BAD_LIMITS = [-5, 0, '={{ null }}', '={{ "abc" }}', 1.5];
const BAD_DATES = ['yesterday', '2026-02-30T10:00:00', '2026-11-01T25:00:00Z'];
const BAD_PATHS = [
	'//evil.example/x',
	'https://evil.example/x',
	'/incidents/../../x',
	'\\\\evil.example\\x',
	'incidents',
	'/incidents?x=1',
	'/incidents#x',
	'/a%2F..%2Fx',
	'/incidents\r\nHost: evil.example',
];
const LATER = '2027-03-01T10:00:00Z';
const EARLIER = '2027-02-01T10:00:00Z';

type Changes = Record<string, unknown>;
interface OperationCases {
	resource: string;
	operation: string;
	base: (ids: Seeded) => INodeParameters;
	bad: Changes[];
}

const each = (path: string, values: unknown[]): Changes[] =>
	values.map((value) => ({ [path]: value }));
const window = (start: string, end: string): Changes => ({ [start]: LATER, [end]: EARLIER });

const OPERATIONS: OperationCases[] = [
	{
		resource: 'incident',
		operation: 'get',
		base: (ids) => ({ incidentId: ids.incident }),
		bad: [
			...each('incidentId', BAD_IDS),
			{ 'requestSettings.concurrency': 500 },
			{ 'requestSettings.maxRetryWait': -1 },
		],
	},
	{
		resource: 'incident',
		operation: 'getAll',
		base: () => ({ limit: 5, options: {} }),
		bad: [
			...each('limit', BAD_LIMITS),
			{ 'options.statuses': '={{ ["exploded"] }}' },
			{ 'options.urgencies': '={{ ["extreme"] }}' },
			{ 'options.timeZone': '={{ "Mars/Olympus" }}' },
			{ 'options.since': 'yesterday' },
			window('options.since', 'options.until'),
			{ returnAll: '={{ "yes" }}' },
		],
	},
	{
		resource: 'incident',
		operation: 'create',
		base: (ids) => ({
			title: 'Disk full',
			serviceId: ids.service,
			email: ADMIN_EMAIL,
			additionalFields: {},
		}),
		bad: [
			{ title: '={{ "" }}' },
			{ serviceId: '../services' },
			{ email: 'not-an-email' },
			{ 'additionalFields.urgency': '={{ "extreme" }}' },
			{ 'additionalFields.priorityId': 'P1?x' },
			{ 'conferenceBridgeUi.conferenceBridgeValues.conferenceUrl': 'javascript:alert(1)' },
		],
	},
	{
		resource: 'incident',
		operation: 'update',
		base: (ids) => ({ incidentId: ids.incident, email: ADMIN_EMAIL, updateFields: { title: 'x' } }),
		bad: [
			{ 'updateFields.status': '={{ "exploded" }}' },
			{ 'updateFields.escalationLevel': 0 },
			{ updateFields: {} },
			{ incidentId: 'a/b' },
		],
	},
	{
		resource: 'incident',
		operation: 'snooze',
		base: (ids) => ({ incidentId: ids.incident, duration: 60, email: ADMIN_EMAIL }),
		bad: each('duration', [0, 604_801, '={{ "abc" }}']),
	},
	{
		resource: 'incident',
		operation: 'merge',
		base: (ids) => ({ incidentId: ids.incident, sourceIncidentIds: 'PSRC1', email: ADMIN_EMAIL }),
		bad: each('sourceIncidentIds', ['PSRC1,../x', '={{ "" }}']),
	},
	{
		resource: 'incident',
		operation: 'manageMany',
		base: (ids) => ({
			incidentIds: ids.incident,
			email: ADMIN_EMAIL,
			updateFields: { status: 'acknowledged' },
		}),
		bad: [{ incidentIds: '={{ "" }}' }, { 'updateFields.status': '={{ "melted" }}' }],
	},
	{
		resource: 'incident',
		operation: 'createStatusUpdate',
		base: (ids) => ({ incidentId: ids.incident, message: 'Working on it', email: ADMIN_EMAIL }),
		bad: [{ message: '={{ "" }}' }, { 'customEmail.subject': 'Only a subject' }],
	},
	{
		resource: 'incident',
		operation: 'createResponderRequest',
		base: (ids) => ({
			incidentId: ids.incident,
			requesterId: ids.user,
			message: 'Help',
			targetUserIds: ids.user,
		}),
		bad: [{ message: '={{ "  " }}' }, { targetUserIds: '' }, { requesterId: '../users' }],
	},
	{
		resource: 'incidentNote',
		operation: 'create',
		base: (ids) => ({ incidentId: ids.incident, content: 'Note', email: ADMIN_EMAIL }),
		bad: [{ content: '={{ "" }}' }, { incidentId: 'P'.repeat(5000) }],
	},
	{
		resource: 'incidentNote',
		operation: 'update',
		base: (ids) => ({
			incidentId: ids.incident,
			noteId: 'PNOTE1',
			content: 'x',
			email: ADMIN_EMAIL,
		}),
		bad: [{ noteId: '../notes' }],
	},
	{
		resource: 'alert',
		operation: 'get',
		base: (ids) => ({ incidentId: ids.incident, alertId: 'PALERT1' }),
		bad: each('alertId', ['../alerts', 'A?b']),
	},
	{
		resource: 'alert',
		operation: 'getAll',
		base: (ids) => ({ incidentId: ids.incident, limit: 5, options: {} }),
		bad: [{ 'options.statuses': '={{ ["bogus"] }}' }, { limit: -1 }],
	},
	{
		resource: 'logEntry',
		operation: 'get',
		base: () => ({ logEntryId: 'PLOG1' }),
		bad: [{ logEntryId: '../log_entries' }],
	},
	{
		resource: 'logEntry',
		operation: 'getAll',
		base: () => ({ limit: 5, options: {} }),
		bad: [
			...each('options.since', BAD_DATES),
			window('options.since', 'options.until'),
			{ 'options.timeZone': '={{ "Moon/Base" }}' },
		],
	},
	{
		resource: 'onCall',
		operation: 'getAll',
		base: () => ({ limit: 5, options: {} }),
		bad: [
			{ 'options.until': '2099-01-01T00:00:00Z' },
			{ 'options.since': 'soon' },
			{ 'options.scheduleIds': 'a/b' },
		],
	},
	{
		resource: 'schedule',
		operation: 'create',
		base: (ids) => ({
			name: 'Nights',
			timeZone: 'Europe/Berlin',
			layers: { layer: [{ start: EARLIER, userIds: ids.user }] },
		}),
		bad: [
			{ timeZone: '={{ "Mars/Olympus" }}' },
			{ 'layers.layer.0.start': 'next monday' },
			{ 'layers.layer.0.turnLength': 0 },
			{ 'layers.layer.0.end': '2027-01-01T00:00:00Z' },
			{ 'layers.layer.0.userIds': '' },
		],
	},
	{
		resource: 'schedule',
		operation: 'createOverride',
		base: (ids) => ({ scheduleId: ids.schedule, userId: ids.user, start: EARLIER, end: LATER }),
		bad: [window('start', 'end'), { start: 'noon' }, { userId: '../users' }],
	},
	{
		resource: 'schedule',
		operation: 'getAllOverrides',
		base: (ids) => ({ scheduleId: ids.schedule, since: EARLIER, until: LATER, limit: 5 }),
		bad: [{ since: 'x' }, window('since', 'until')],
	},
	{
		resource: 'schedule',
		operation: 'getOnCallUsers',
		base: (ids) => ({ scheduleId: ids.schedule, limit: 5, options: {} }),
		bad: [window('options.since', 'options.until')],
	},
	{
		resource: 'service',
		operation: 'create',
		base: (ids) => ({
			name: 'Web',
			escalationPolicyId: ids.escalationPolicy,
			additionalFields: {},
		}),
		bad: [
			{ name: '={{ "" }}' },
			{ escalationPolicyId: '../escalation_policies' },
			{ 'additionalFields.acknowledgementTimeout': -1 },
			{ 'additionalFields.urgency': '={{ "bogus" }}' },
		],
	},
	{
		resource: 'service',
		operation: 'update',
		base: (ids) => ({ serviceId: ids.service, updateFields: { description: 'x' } }),
		bad: [{ 'updateFields.status': '={{ "exploded" }}' }, { updateFields: {} }],
	},
	{
		resource: 'team',
		operation: 'create',
		base: () => ({ name: 'Ops', additionalFields: {} }),
		bad: [{ name: 'x'.repeat(101) }, { 'additionalFields.defaultRole': '={{ "king" }}' }],
	},
	{
		resource: 'team',
		operation: 'addMember',
		base: (ids) => ({ teamId: ids.team, userId: ids.user, role: 'responder' }),
		bad: [{ role: '={{ "king" }}' }, { userId: '../users' }],
	},
	{
		resource: 'user',
		operation: 'create',
		base: () => ({ name: 'Ada', userEmail: 'ada@example.com', additionalFields: {} }),
		bad: [
			{ userEmail: 'not-an-email' },
			{ 'additionalFields.role': '={{ "overlord" }}' },
			{ 'additionalFields.timeZone': '={{ "Mars/Olympus" }}' },
			{ 'additionalFields.color': '={{ "ultraviolet" }}' },
		],
	},
	{
		resource: 'user',
		operation: 'update',
		base: (ids) => ({ userId: ids.user, updateFields: { jobTitle: 'x' } }),
		bad: [{ 'updateFields.email': 'x' }, { updateFields: {} }],
	},
	{
		resource: 'escalationPolicy',
		operation: 'create',
		base: (ids) => ({
			name: 'Primary',
			email: ADMIN_EMAIL,
			escalationRules: { rule: [{ delayMinutes: 30, userIds: ids.user }] },
			additionalFields: {},
		}),
		bad: [
			{ 'escalationRules.rule.0.delayMinutes': -1 },
			{ 'escalationRules.rule.0.userIds': '' },
			{ 'additionalFields.numLoops': 99 },
		],
	},
	{
		resource: 'maintenanceWindow',
		operation: 'create',
		base: (ids) => ({
			startTime: EARLIER,
			endTime: LATER,
			serviceIds: [ids.service],
			email: ADMIN_EMAIL,
		}),
		bad: [window('startTime', 'endTime'), { startTime: 'tomorrow' }, { serviceIds: '={{ [] }}' }],
	},
	{
		resource: 'webhookSubscription',
		operation: 'create',
		base: () => ({
			deliveryUrl: 'https://example.com/hooks',
			subscriptionEvents: ['incident.triggered'],
		}),
		bad: [
			...each('deliveryUrl', ['ftp://example.com/x', 'javascript:alert(1)']),
			{ subscriptionEvents: '={{ ["incident.exploded"] }}' },
		],
	},
	{
		resource: 'apiCall',
		operation: 'request',
		base: () => ({ method: 'GET', path: '/incidents', query: '{}' }),
		bad: [
			...each('path', BAD_PATHS),
			{ query: '{not json' },
			{ method: 'POST', body: '[1, 2]' },
			{ method: '={{ "PATCH" }}' },
		],
	},
	{
		resource: 'event',
		operation: 'trigger',
		base: () => ({ summary: 'Disk full', source: 'db-01', additionalFields: {} }),
		bad: [
			{ summary: 'x'.repeat(1025) },
			{ severity: '={{ "fatal" }}' },
			{ dedupKey: 'k'.repeat(256) },
			{ 'imagesUi.images.0.src': 'http://example.com/a.png' },
			{ 'linksUi.links.0.href': 'javascript:alert(1)' },
			{ customDetailsMode: 'json', customDetailsJson: '[1]' },
			{ 'additionalFields.timestamp': 'yesterday' },
			{ 'additionalFields.clientUrl': 'ftp://monitoring.example.com' },
		],
	},
	{
		resource: 'event',
		operation: 'acknowledge',
		base: () => ({ dedupKey: 'disk-full' }),
		bad: [{ dedupKey: '  ' }],
	},
	{
		resource: 'changeEvent',
		operation: 'getAll',
		base: () => ({ limit: 5, options: {} }),
		bad: [{ 'options.since': 'x' }, window('options.since', 'options.until')],
	},
	{ resource: 'priority', operation: 'getAll', base: () => ({ limit: 5 }), bad: [{ limit: -1 }] },
	{
		resource: 'webhookSubscription',
		operation: 'get',
		base: () => ({ webhookSubscriptionId: 'PWH1' }),
		bad: [{ webhookSubscriptionId: '../webhook_subscriptions' }],
	},
	{
		resource: 'maintenanceWindow',
		operation: 'get',
		base: () => ({ maintenanceWindowId: 'PMW1' }),
		bad: [{ maintenanceWindowId: 'P1?x' }],
	},
	// Well-formed, but only PagerDuty knows they are wrong: its refusal is the item's error.
	{
		resource: 'incident',
		operation: 'create',
		base: (ids) => ({ title: 'Disk full', serviceId: ids.service, email: ADMIN_EMAIL }),
		bad: [{ serviceId: 'PNOSUCH1' }, { email: 'nobody@example.com' }],
	},
	{
		resource: 'service',
		operation: 'create',
		base: (ids) => ({ name: 'Web', escalationPolicyId: ids.escalationPolicy }),
		bad: [{ escalationPolicyId: 'PNOSUCH1' }],
	},
	{
		resource: 'user',
		operation: 'create',
		base: () => ({ name: 'Ada', userEmail: 'ada@example.com' }),
		bad: [{ userEmail: ADMIN_EMAIL }],
	},
	{
		resource: 'incidentNote',
		operation: 'getAll',
		base: (ids) => ({ incidentId: ids.incident, limit: 5 }),
		bad: [{ incidentId: 'QNOSUCHINCIDENT' }],
	},
	...(
		[
			['team', 'teamId'],
			['user', 'userId'],
			['service', 'serviceId'],
			['schedule', 'scheduleId'],
			['escalationPolicy', 'escalationPolicyId'],
		] as const
	).map(([resource, field]) => ({
		resource,
		operation: 'get',
		base: (ids: Seeded): INodeParameters => ({ [field]: ids[resource] }),
		bad: each(field, ['../x', 'P'.repeat(70), 'PNOSUCH1']),
	})),
];

/** Sets `value` at a dotted path (`layers.layer.0.start`), creating objects and lists on the way. */
function withValue(parameters: INodeParameters, path: string, value: unknown): INodeParameters {
	const copy = JSON.parse(JSON.stringify(parameters)) as IDataObject;
	const keys = path.split('.');
	let target: IDataObject = copy;
	keys.slice(0, -1).forEach((key, index) => {
		const nextIsIndex = /^\d+$/.test(keys[index + 1]);
		target[key] ??= nextIsIndex ? [] : {};
		target = target[key] as IDataObject;
	});
	target[keys[keys.length - 1]] = value as IDataObject[string];
	return copy as INodeParameters;
}

const CASES = OPERATIONS.flatMap(({ resource, operation, base, bad }) =>
	bad.map((changes): [string, string, (ids: Seeded) => INodeParameters] => [
		`${resource}.${operation}`,
		JSON.stringify(changes).slice(0, 80),
		(ids) =>
			Object.entries(changes).reduce(
				(parameters, [path, value]) => withValue(parameters, path, value),
				{ resource, operation, ...base(ids) } as INodeParameters,
			),
	]),
);

async function run(parameters: INodeParameters) {
	if (parameters.resource !== 'event')
		return await pagerDuty.run(parameters, { continueOnFail: true });
	// The Events node has no Resource field: `resource: 'event'` only sorts the cases here.
	return await pagerDuty.runEvents(
		{ ...parameters, resource: undefined },
		{ continueOnFail: true },
	);
}

describe('malformed input, one bad value per request', () => {
	it.each(CASES)('%s %s', async (operation, name, parameters) => {
		const result = await run(parameters(seeded(pagerDuty.sandbox.store)));
		const record = tally.record(
			{ name, operation, requests: pagerDuty.sandbox.requests.length, foreignRequests: 0 },
			result,
			SECRETS,
			[0],
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ error: expect.any(String) })]);
		expect(pairedItemsOf(result)).toEqual([0]);
		// Refused before sending: the message names the item; an answer of PagerDuty is its own.
		if (record.requests === 0) expect(jsonOf(result)[0].error).toMatch(/\[item 0\]$/);
		expect(record.leaks).toEqual([]);
		expect(record.silentSuccesses).toBe(0);
	});

	it('covers at least 100 inputs across at least 25 operations, without a leak or a silent success', () => {
		const figures = tally.figures();
		tally.print();
		expect(figures.cases).toBeGreaterThanOrEqual(100);
		expect(figures.operations).toBeGreaterThanOrEqual(25);
		expect(figures.leaksFound).toBe(0);
		expect(figures.silentSuccesses).toBe(0);
	});
});
