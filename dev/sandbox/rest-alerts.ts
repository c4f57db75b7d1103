/**
 * Alerts of incidents and merging incidents (which moves alerts). Alerts live in the store's
 * 'alerts' collection, seeded on first use from the incidents that integrations opened.
 */
import { incidentAlreadyResolved, invalidInput, notFound, PagerDutyError } from './errors';
import { findById, paginate, queryList, queryValue, RestHandler } from './rest-common';
import { actorOrAdmin, findIncident } from './rest-incidents';
import { API_BASE, Incident, Reference, SandboxStore, User } from './store';

const MAX_BULK_ALERTS = 250;
const MAX_ALERTS_PER_INCIDENT = 1000;
const ALERT_SORT_FIELDS = ['created_at', 'resolved_at'];

export interface Alert {
	id: string;
	type: 'alert';
	summary: string;
	self: string;
	html_url: string;
	created_at: string;
	resolved_at: string | null;
	status: 'triggered' | 'resolved';
	alert_key: string;
	service: Reference;
	incident: Reference;
	suppressed: boolean;
	severity: 'critical' | 'error' | 'warning' | 'info';
	body: { type: 'alert_body'; contexts: unknown[]; details: Record<string, unknown> };
}

interface AlertChangeInput {
	id?: string;
	status?: 'triggered' | 'resolved';
	incident?: { id: string };
}

function newAlert(
	store: SandboxStore,
	incident: Incident,
	summary: string,
	alertKey: string,
	at: string,
): Alert {
	const id = store.ids.incident();
	return {
		id,
		type: 'alert',
		summary,
		self: `${API_BASE}/incidents/${incident.id}/alerts/${id}`,
		html_url: `${store.webBase}/alerts/${id}`,
		created_at: at,
		resolved_at: null,
		status: 'triggered',
		alert_key: alertKey,
		service: incident.service,
		incident: store.ref(incident),
		suppressed: false,
		severity: 'critical',
		body: { type: 'alert_body', contexts: [], details: { summary } },
	};
}

function seedAlerts(store: SandboxStore): Alert[] {
	const alerts: Alert[] = [];
	for (const incident of store.incidents) {
		if (incident.alert_counts.all === 0) continue;
		const alert = newAlert(
			store,
			incident,
			incident.title,
			incident.incident_key ?? store.random.hex(32),
			incident.created_at,
		);
		if (incident.status === 'resolved') {
			alert.status = 'resolved';
			alert.resolved_at = incident.resolved_at;
		}
		alerts.push(alert);
	}
	return alerts;
}

export const sandboxAlerts = (store: SandboxStore): Alert[] =>
	store.collection<Alert>('alerts', seedAlerts);

/**
 * The alerts of an incident, oldest first. Resolving or reopening an incident elsewhere only
 * updates its alert counts; its alerts follow here.
 */
function incidentAlerts(store: SandboxStore, incident: Incident): Alert[] {
	const alerts = sandboxAlerts(store).filter((alert) => alert.incident.id === incident.id);
	const counts = incident.alert_counts;
	const settled = counts.all > 0 && (counts.triggered === 0 || counts.resolved === 0);
	if (settled) {
		const status = counts.triggered === 0 ? 'resolved' : 'triggered';
		for (const alert of alerts) {
			if (alert.status === status) continue;
			alert.status = status;
			alert.resolved_at = status === 'resolved' ? (incident.resolved_at ?? store.nowIso()) : null;
		}
	}
	return alerts;
}

function recount(store: SandboxStore, incident: Incident): void {
	const alerts = sandboxAlerts(store).filter((alert) => alert.incident.id === incident.id);
	const resolved = alerts.filter((alert) => alert.status === 'resolved').length;
	incident.alert_counts = { all: alerts.length, triggered: alerts.length - resolved, resolved };
}

/** Adds a triggered alert to an open incident (tests use it to build incidents with many alerts). */
export function addAlert(store: SandboxStore, incident: Incident, summary: string): Alert {
	incidentAlerts(store, incident);
	const alert = newAlert(store, incident, summary, store.random.hex(32), store.nowIso());
	sandboxAlerts(store).push(alert);
	recount(store, incident);
	return alert;
}

function openTarget(store: SandboxStore, id: string | undefined, what: string): Incident {
	const target = id ? store.incident(id) : undefined;
	if (!target) throw invalidInput([`${what} ${id ?? '(missing id)'} not found`]);
	if (target.status === 'resolved')
		throw invalidInput([
			`${what} ${target.id} is resolved; alerts can only move to an open incident`,
		]);
	return target;
}

/**
 * Checks one alert change completely and returns the mutation, so a bad change leaves everything
 * (or a whole bulk request) untouched.
 */
function planAlertChange(
	store: SandboxStore,
	incident: Incident,
	alert: Alert,
	input: AlertChangeInput,
): () => Incident[] {
	if (input.status === undefined && input.incident === undefined) {
		throw invalidInput(['An alert update needs a status or an incident.']);
	}
	if (input.status === 'triggered' && alert.status === 'resolved') {
		throw invalidInput(['A resolved alert cannot be triggered again.']);
	}
	const target =
		input.incident && input.incident.id !== incident.id
			? openTarget(store, input.incident.id, 'Incident')
			: undefined;
	return () => {
		const at = store.nowIso();
		if (input.status === 'resolved' && alert.status !== 'resolved') {
			alert.status = 'resolved';
			alert.resolved_at = at;
		}
		if (target) {
			alert.incident = store.ref(target);
			alert.self = `${API_BASE}/incidents/${target.id}/alerts/${alert.id}`;
		}
		return target ? [incident, target] : [incident];
	};
}

/** After alerts changed: recount, and resolve incidents left without a triggered alert (as PagerDuty does). */
function settleIncidents(store: SandboxStore, incidents: Incident[], actor: User): void {
	for (const incident of new Set(incidents)) {
		recount(store, incident);
		if (incident.status !== 'resolved' && incident.alert_counts.triggered === 0) {
			store.resolve(incident, actor, store.nowIso());
		}
	}
}

function findAlert(store: SandboxStore, incident: Incident, alertId: string | undefined): Alert {
	return findById(incidentAlerts(store, incident), alertId);
}

const listAlerts: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const statuses = queryList(request, 'statuses[]');
	const alertKey = queryValue(request, 'alert_key');
	let alerts = incidentAlerts(store, incident).filter(
		(alert) =>
			(!statuses || statuses.includes(alert.status)) &&
			(alertKey === undefined || alert.alert_key === alertKey),
	);
	const sortBy = queryList(request, 'sort_by');
	if (sortBy) {
		const keys = sortBy.map((entry) => {
			const [field, direction = 'asc'] = entry.split(':');
			if (!ALERT_SORT_FIELDS.includes(field))
				throw invalidInput([`sort_by must be one of ${ALERT_SORT_FIELDS.join(', ')}`]);
			return { field: field as 'created_at' | 'resolved_at', sign: direction === 'desc' ? -1 : 1 };
		});
		alerts = alerts.slice().sort((a, b) => {
			for (const { field, sign } of keys) {
				const left = a[field] ?? '';
				const right = b[field] ?? '';
				if (left !== right) return (left < right ? -1 : 1) * sign;
			}
			return 0;
		});
	}
	return paginate(request, alerts, 'alerts');
};

const getAlert: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	return {
		status: 200,
		body: { alert: findAlert(store, incident, request.match.pathParams.alert_id) },
	};
};

const updateAlert: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const alert = findAlert(store, incident, request.match.pathParams.alert_id);
	const input = (request.match.body as { alert: AlertChangeInput }).alert;
	settleIncidents(
		store,
		planAlertChange(store, incident, alert, input)(),
		actorOrAdmin(store, request),
	);
	return { status: 200, body: { alert } };
};

const updateAlerts: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const inputs = (request.match.body as { alerts: AlertChangeInput[] }).alerts;
	if (inputs.length > MAX_BULK_ALERTS) {
		throw new PagerDutyError(413, {
			error: {
				message: 'Request Entity Too Large',
				code: 2001,
				errors: [
					`A maximum of ${MAX_BULK_ALERTS} alerts may be updated at a time (${inputs.length} given).`,
				],
			},
		});
	}
	const plans = inputs.map((input) => {
		const alert = findAlert(store, incident, input.id);
		return { alert, apply: planAlertChange(store, incident, alert, input) };
	});
	const touched = plans.flatMap(({ apply }) => apply());
	settleIncidents(store, touched, actorOrAdmin(store, request));
	const alerts = plans.map(({ alert }) => alert);
	return {
		status: 200,
		body: { alerts, limit: alerts.length, offset: 0, total: null, more: false },
	};
};

const mergeIncidents: RestHandler = (store, request) => {
	const target = findIncident(store, request);
	if (target.status === 'resolved') throw incidentAlreadyResolved();
	const inputs = (request.match.body as { source_incidents: Array<{ id: string }> })
		.source_incidents;
	if (inputs.length === 0) throw invalidInput(['source_incidents must not be empty.']);
	const sources = inputs.map((input) => {
		if (input.id === target.id) throw invalidInput(['An incident cannot be merged into itself.']);
		const source = store.incident(input.id);
		if (!source) throw notFound();
		if (source.status === 'resolved') throw incidentAlreadyResolved();
		if (!source.is_mergeable) throw invalidInput([`Incident ${source.id} cannot be merged.`]);
		return source;
	});
	const moving = sources.reduce((sum, source) => sum + Math.max(1, source.alert_counts.all), 0);
	if (incidentAlerts(store, target).length + moving > MAX_ALERTS_PER_INCIDENT) {
		throw invalidInput([`An incident cannot have more than ${MAX_ALERTS_PER_INCIDENT} alerts.`]);
	}

	const actor = actorOrAdmin(store, request);
	const at = store.nowIso();
	for (const source of new Set(sources)) {
		const alerts = incidentAlerts(store, source);
		// An incident opened by hand has no alert: merging turns it into one on the target.
		if (alerts.length === 0) {
			const alert = newAlert(
				store,
				source,
				source.title,
				source.incident_key ?? store.random.hex(32),
				source.created_at,
			);
			sandboxAlerts(store).push(alert);
			alerts.push(alert);
		}
		for (const alert of alerts) {
			alert.incident = store.ref(target);
			alert.self = `${API_BASE}/incidents/${target.id}/alerts/${alert.id}`;
		}
		recount(store, source);
		store.resolve(source, actor, at);
		source.resolve_reason = { type: 'merge_resolve_reason', incident: store.ref(target) };
	}
	recount(store, target);
	target.updated_at = at;
	return { status: 200, body: { incident: target } };
};

export const ALERT_HANDLERS: Record<string, RestHandler> = {
	'GET /incidents/{id}/alerts': listAlerts,
	'PUT /incidents/{id}/alerts': updateAlerts,
	'GET /incidents/{id}/alerts/{alert_id}': getAlert,
	'PUT /incidents/{id}/alerts/{alert_id}': updateAlert,
	'PUT /incidents/{id}/merge': mergeIncidents,
};
