/**
 * Incident workflows (three seeded: two enabled, one disabled, one owned by a team) and starting
 * one on an incident. A disabled workflow refuses to start with 400 (a sandbox rule: PagerDuty's
 * answer there is not documented).
 */
import { invalidInput, notFound } from './errors';
import { IdFactory, Random } from './random';
import {
	findById,
	matchesQuery,
	paginate,
	queryList,
	RestHandler,
	RestRequest,
} from './rest-common';
import { isoSeconds } from './seed';
import { API_BASE, SandboxStore } from './store';

interface Step {
	id: string;
	type: 'step';
	name: string;
	description: string;
	action_configuration: {
		action_id: string;
		description: string;
		inputs: Array<{ name: string; parameter_type: string; value: string }>;
	};
}

export interface IncidentWorkflow {
	id: string;
	type: 'incident_workflow';
	name: string;
	description: string;
	created_at: string;
	self: string;
	html_url: string;
	is_enabled: boolean;
	/** The owning team's ID, if any. */
	teamId: string | null;
	steps: Step[];
}

export interface WorkflowInstance {
	id: string;
	workflowId: string;
	incidentId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One incident workflow as seeded or added by tests (`teamId` from the store's teams). */
export function newIncidentWorkflow(
	store: SandboxStore,
	ids: IdFactory,
	input: {
		name: string;
		description?: string;
		enabled?: boolean;
		teamId?: string | null;
		at?: string;
	},
): IncidentWorkflow {
	const id = ids.object();
	const step = (name: string, actionId: string, input: [string, string]): Step => ({
		id: ids.object(),
		type: 'step',
		name,
		description: name,
		action_configuration: {
			action_id: actionId,
			description: name,
			inputs: [{ name: input[0], parameter_type: 'text', value: input[1] }],
		},
	});
	return {
		id,
		type: 'incident_workflow',
		name: input.name,
		description: input.description ?? '',
		created_at: input.at ?? store.nowIso(),
		self: `${API_BASE}/incident_workflows/${id}`,
		html_url: `${store.webBase}/flex-workflows/workflows/${id}`,
		is_enabled: input.enabled ?? true,
		teamId: input.teamId ?? null,
		steps: [
			step('Create a Slack channel', 'pagerduty.com:slack:create-a-channel:2', [
				'Channel Name',
				'inc-{{incident.number}}',
			]),
			step('Add responders', 'pagerduty.com:incident-workflows:add-responders:1', [
				'Responders',
				'Platform On-Call',
			]),
		],
	};
}

export const incidentWorkflows = (store: SandboxStore) =>
	store.collection<IncidentWorkflow>('incidentWorkflows', (seeded) => {
		// Their own generator, so reading workflows never shifts the IDs the store hands out next.
		const ids = new IdFactory(new Random(20241001));
		const at = isoSeconds(seeded.nowMs() - 90 * DAY_MS);
		return [
			newIncidentWorkflow(seeded, ids, {
				name: 'Major incident kickoff',
				description: 'Opens a channel and pages the incident commanders.',
				at,
			}),
			newIncidentWorkflow(seeded, ids, {
				name: 'Payments escalation',
				description: 'Brings in the payments team.',
				teamId: seeded.teams[1]?.id ?? null,
				at,
			}),
			newIncidentWorkflow(seeded, ids, {
				name: 'Legacy status page sync',
				description: 'Retired.',
				enabled: false,
				at,
			}),
		];
	});

/** Instances started through the API. */
export const workflowInstances = (store: SandboxStore) =>
	store.collection<WorkflowInstance>('workflowInstances');

/** A workflow as PagerDuty answers it: `include[]=steps` / `team` add the steps and the whole team. */
function render(store: SandboxStore, workflow: IncidentWorkflow, include: string[]) {
	const { teamId, steps, ...rest } = workflow;
	const team = teamId ? store.team(teamId) : undefined;
	return {
		...rest,
		team: team ? (include.includes('team') ? team : { id: team.id, type: 'team_reference' }) : null,
		...(include.includes('steps') && { steps }),
	};
}

function findWorkflow(store: SandboxStore, request: RestRequest): IncidentWorkflow {
	return findById(incidentWorkflows(store), request.match.pathParams.id);
}

const start: RestHandler = (store, request) => {
	const workflow = findWorkflow(store, request);
	const input = (
		request.match.body as { incident_workflow_instance: { id?: string; incident?: { id: string } } }
	).incident_workflow_instance;
	if (!input.incident) throw invalidInput(['incident is required']);
	const incident = store.incident(input.incident.id);
	if (!incident) throw notFound();
	if (!workflow.is_enabled) throw invalidInput([`Incident workflow ${workflow.id} is disabled`]);
	const instance: WorkflowInstance = {
		id: input.id ?? store.ids.object(),
		workflowId: workflow.id,
		incidentId: incident.id,
	};
	workflowInstances(store).push(instance);
	return {
		status: 201,
		body: {
			incident_workflow_instance: {
				id: instance.id,
				type: 'incident_workflow_instance',
				incident: {
					id: incident.id,
					type: 'incident_reference',
					summary: incident.summary,
					self: incident.self,
					html_url: incident.html_url,
				},
			},
		},
	};
};

export const INCIDENT_WORKFLOW_HANDLERS: Record<string, RestHandler> = {
	'GET /incident_workflows': (store, request) => {
		const include = queryList(request, 'include[]') ?? [];
		const workflows = incidentWorkflows(store).filter((workflow) =>
			matchesQuery(request, workflow.name),
		);
		return paginate(request, workflows, 'incident_workflows', (workflow) =>
			render(store, workflow, include),
		);
	},
	// The spec declares 201 for this read; PagerDuty answers 200.
	'GET /incident_workflows/{id}': (store, request) => ({
		status: 200,
		body: { incident_workflow: render(store, findWorkflow(store, request), ['steps']) },
	}),
	'POST /incident_workflows/{id}/instances': start,
};
