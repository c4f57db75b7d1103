/**
 * Automation actions: scripts and Process Automation jobs a runner executes, invoked on an
 * incident. The list pages by cursor. An invocation starts `prepared`; the sandbox runs nothing.
 */
import { invalidInput } from './errors';
import { findById, paginateCursor, queryValue, RestHandler, RestRequest } from './rest-common';
import { API_BASE, Reference, SandboxStore } from './store';

type ActionType = 'script' | 'process_automation';

export interface AutomationAction {
	id: string;
	type: 'action';
	summary: string;
	self: string;
	html_url: null;
	name: string;
	description: string;
	action_type: ActionType;
	action_classification: 'diagnostic' | 'remediation' | null;
	action_data_reference: Record<string, string>;
	runner: string | null;
	runner_type: 'sidecar' | 'runbook' | null;
	services: Reference[];
	teams: Reference[];
	privileges: { permissions: string[] };
	creation_time: string;
	modify_time: string;
	only_invocable_on_unresolved_incidents: boolean;
	allow_invocation_manually: boolean;
	allow_invocation_from_event_orchestration: boolean;
	map_to_all_services: boolean;
}

export interface Invocation {
	id: string;
	type: 'invocation';
	action_snapshot: Pick<AutomationAction, 'name' | 'action_type' | 'action_data_reference'>;
	runner_id: string | null;
	timing: Array<{ timestamp: string; state: string }>;
	duration: number;
	state: string;
	action_id: string;
	metadata: { agent: Record<string, string>; incident: Reference };
}

const VERBS = ['Restart', 'Diagnose', 'Flush', 'Rotate', 'Collect', 'Scale'];
const TARGETS = [
	'apache',
	'the job queue',
	'the cache',
	'TLS certificates',
	'heap dumps',
	'workers',
];

/** 36 actions (enough for cursor paging): scripts and Process Automation jobs, some linked to services and teams. */
export const automationActions = (store: SandboxStore) =>
	store.collection<AutomationAction>('automationActions', (seeded) => {
		const runners = [seeded.ids.ulidLike(), seeded.ids.ulidLike()];
		return Array.from({ length: 36 }, (_, index): AutomationAction => {
			const id = seeded.ids.ulidLike();
			const name = `${VERBS[index % VERBS.length]} ${TARGETS[Math.floor(index / VERBS.length) % TARGETS.length]}`;
			const script = index % 2 === 0;
			const service = seeded.services[index % seeded.services.length];
			const team = seeded.teams[index % seeded.teams.length];
			const at = seeded.nowIso();
			return {
				id,
				type: 'action',
				summary: name,
				self: `${API_BASE}/automation_actions/actions/${id}`,
				html_url: null,
				name,
				description: `${name} on the affected hosts.`,
				action_type: script ? 'script' : 'process_automation',
				action_classification:
					index % 3 === 0 ? null : index % 3 === 1 ? 'diagnostic' : 'remediation',
				action_data_reference: script
					? { script: `#!/bin/sh\necho "${name}"`, invocation_command: '/bin/sh' }
					: { process_automation_job_id: seeded.random.hex(32) },
				runner: index % 4 === 3 ? null : runners[index % 2],
				runner_type: index % 4 === 3 ? null : script ? 'sidecar' : 'runbook',
				services: index % 3 === 2 ? [] : [seeded.ref(service)],
				teams: index % 2 === 1 ? [seeded.ref(team)] : [],
				privileges: { permissions: ['invoke'] },
				creation_time: at,
				modify_time: at,
				only_invocable_on_unresolved_incidents: index % 5 === 0,
				allow_invocation_manually: true,
				allow_invocation_from_event_orchestration: true,
				map_to_all_services: false,
			};
		});
	});

export const invocations = (store: SandboxStore) => store.collection<Invocation>('invocations');

function existingAction(store: SandboxStore, request: RestRequest): AutomationAction {
	return findById(automationActions(store), request.match.pathParams.id);
}

/** The list filters: name (any case, part of it), runner (`any`: some runner), classification, team, service, type. */
function matches(request: RestRequest, action: AutomationAction): boolean {
	const name = queryValue(request, 'name')?.toLowerCase();
	const runner = queryValue(request, 'runner_id');
	const classification = queryValue(request, 'classification');
	const teamId = queryValue(request, 'team_id');
	const serviceId = queryValue(request, 'service_id');
	const actionType = queryValue(request, 'action_type');
	return (
		(!name || action.name.toLowerCase().includes(name)) &&
		(!runner || (runner === 'any' ? action.runner !== null : action.runner === runner)) &&
		(!classification || action.action_classification === classification) &&
		(!teamId || action.teams.some((team) => team.id === teamId)) &&
		(!serviceId || action.services.some((service) => service.id === serviceId)) &&
		(!actionType || action.action_type === actionType)
	);
}

export const AUTOMATION_ACTION_HANDLERS: Record<string, RestHandler> = {
	'GET /automation_actions/actions': (store, request) => {
		const page = paginateCursor(
			request,
			automationActions(store).filter((action) => matches(request, action)),
			'actions',
		);
		return { ...page, body: { ...(page.body as object), privileges: { permissions: ['invoke'] } } };
	},
	'GET /automation_actions/actions/{id}': (store, request) => ({
		status: 200,
		body: { action: existingAction(store, request) },
	}),
	'POST /automation_actions/actions/{id}/invocations': (store, request) => {
		const action = existingAction(store, request);
		const { metadata } = (
			request.match.body as { invocation: { metadata: { incident_id: string } } }
		).invocation;
		const incident = store.incident(metadata.incident_id);
		if (!incident) throw invalidInput([`Incident ${metadata.incident_id} not found`]);
		if (action.only_invocable_on_unresolved_incidents && incident.status === 'resolved')
			throw invalidInput(['This action can only be invoked on unresolved incidents']);
		const at = store.nowIso();
		const invocation: Invocation = {
			id: store.ids.ulidLike(),
			type: 'invocation',
			action_snapshot: {
				name: action.name,
				action_type: action.action_type,
				action_data_reference: action.action_data_reference,
			},
			runner_id: action.runner,
			timing: [{ timestamp: at, state: 'prepared' }],
			duration: 0,
			state: 'prepared',
			action_id: action.id,
			metadata: {
				// An account-level key without From acts as the account.
				agent: request.actor
					? { id: request.actor.id, type: 'user_reference' }
					: { id: 'PACCOUNT', type: 'account_reference' },
				incident: store.ref(incident),
			},
		};
		invocations(store).push(invocation);
		return { status: 201, body: { invocation } };
	},
};
