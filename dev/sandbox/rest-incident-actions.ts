/** Incident actions beyond create/update: snooze, status updates, responder requests. */
import { incidentAlreadyResolved, invalidInput, missingAbility, PagerDutyError } from './errors';
import { RestHandler } from './rest-common';
import { actorOrAdmin, findIncident } from './rest-incidents';
import { Reference, SandboxStore } from './store';

const MAX_SNOOZE_SECONDS = 604800;

interface StatusUpdate {
	id: string;
	message: string;
	subject?: string;
	html_message?: string;
	sender: Reference;
	created_at: string;
}

interface ResponderTargetInput {
	responder_request_target?: { id?: string; type?: string };
}

function pagerDutyCodeError(message: string, code: number): PagerDutyError {
	return new PagerDutyError(400, { error: { message, code, errors: [message] } });
}

/** Status updates posted, with the incident each belongs to. */
export const sandboxStatusUpdates = (store: SandboxStore) =>
	store.collection<{ incidentId: string; statusUpdate: StatusUpdate }>('statusUpdates');

const snooze: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const duration = (request.match.body as { duration: number }).duration;
	if (!Number.isInteger(duration) || duration < 1 || duration > MAX_SNOOZE_SECONDS) {
		throw pagerDutyCodeError('Snooze Duration Invalid', 1013);
	}
	if (incident.status === 'resolved') throw incidentAlreadyResolved();
	if (incident.status !== 'acknowledged')
		throw pagerDutyCodeError('Incident is not Acknowledged', 1012);
	const actor = actorOrAdmin(store, request);
	const at = store.nowIso();
	const until = new Date(store.nowMs() + duration * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	incident.pending_actions = [
		...incident.pending_actions.filter(
			(action) => (action as { type: string }).type !== 'unacknowledge',
		),
		{ type: 'unacknowledge', at: until },
	];
	incident.updated_at = at;
	store.addLogEntry(incident, {
		type: 'snooze_log_entry',
		summary: `Snoozed by ${actor.name} until ${until}.`,
		at,
		agent: store.ref(actor),
		channel: { type: 'api' },
	});
	return { status: 201, body: { incident } };
};

const createStatusUpdate: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const input = request.match.body as { message: string; subject?: string; html_message?: string };
	if (input.message.trim() === '') throw invalidInput(['Message cannot be empty.']);
	if ((input.subject === undefined) !== (input.html_message === undefined)) {
		throw invalidInput(['subject and html_message must be given together.']);
	}
	const actor = actorOrAdmin(store, request);
	const update: StatusUpdate = {
		id: store.ids.object(),
		message: input.message,
		...(input.subject !== undefined && {
			subject: input.subject,
			html_message: input.html_message,
		}),
		sender: store.ref(actor),
		created_at: store.nowIso(),
	};
	sandboxStatusUpdates(store).push({ incidentId: incident.id, statusUpdate: update });
	// The specification declares 200 (not 201) for a created status update.
	return { status: 200, body: { status_update: update } };
};

const createResponderRequest: RestHandler = (store, request) => {
	if (!store.abilities.includes('coordinated_responding'))
		throw missingAbility('coordinated_responding');
	const incident = findIncident(store, request);
	const input = request.match.body as {
		requester_id: string;
		message: string;
		responder_request_targets: ResponderTargetInput[];
	};
	const requester = store.user(input.requester_id);
	if (!requester) throw invalidInput([`Requester ${input.requester_id} not found`]);
	if (input.message.trim() === '') throw invalidInput(['Message cannot be empty.']);
	if (input.responder_request_targets.length === 0)
		throw invalidInput(['responder_request_targets must not be empty.']);
	if (incident.status === 'resolved') throw incidentAlreadyResolved();

	const at = store.nowIso();
	const incidentRef = store.ref(incident);
	const responder = (user: Reference) => ({
		state: 'pending',
		user,
		incident: incidentRef,
		updated_at: at,
		message: input.message,
		requester: store.ref(requester),
		requested_at: at,
	});
	const targets = input.responder_request_targets.map(({ responder_request_target: target }) => {
		if (target?.type === 'user_reference' && target.id && store.user(target.id)) {
			const user = store.ref(store.user(target.id)!);
			return {
				type: 'user',
				id: target.id,
				summary: user.summary,
				incidents_responders: [responder(user)],
			};
		}
		const policy =
			target?.type === 'escalation_policy_reference' && target.id
				? store.escalationPolicy(target.id)
				: undefined;
		if (!policy)
			throw invalidInput([
				`Responder request target ${target?.id ?? '(missing id)'} (${target?.type ?? 'no type'}) not found`,
			]);
		const onCall = store.ruleAssignees(policy.escalation_rules[0], incident.incident_number);
		return {
			type: 'escalation_policy',
			id: policy.id,
			summary: policy.summary,
			incidents_responders: onCall.map((user) => responder(store.ref(user))),
		};
	});
	const responderRequest = {
		incident: incidentRef,
		requester: store.ref(requester),
		requested_at: at,
		message: input.message,
		responder_request_targets: targets.map((target) => ({ responder_request_target: target })),
	};
	incident.responder_requests.push(responderRequest);
	incident.incidents_responders.push(...targets.flatMap((target) => target.incidents_responders));
	incident.updated_at = at;
	return { status: 200, body: { responder_request: responderRequest } };
};

export const INCIDENT_ACTION_HANDLERS: Record<string, RestHandler> = {
	'POST /incidents/{id}/snooze': snooze,
	'POST /incidents/{id}/status_updates': createStatusUpdate,
	'POST /incidents/{id}/responder_requests': createResponderRequest,
};
