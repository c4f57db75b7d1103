/** Incident types: the account's base type and two children, one disabled. Read-only here. */
import { IdFactory, Random } from './random';
import { orNotFound, queryValue, RestHandler } from './rest-common';
import { SandboxStore } from './store';

export interface IncidentType {
	id: string;
	type: 'incident_type';
	name: string;
	display_name: string;
	description: string;
	enabled: boolean;
	parent: { id: string; type: 'incident_type_reference' } | null;
	created_at: string;
	updated_at: string;
}

/** `incident_default` (every account's base type), `security` and the disabled `fraud`. */
export const incidentTypes = (store: SandboxStore) =>
	store.collection<IncidentType>('incidentTypes', (seeded) => {
		// Their own generator, so reading incident types never shifts the IDs the store hands out next.
		const ids = new IdFactory(new Random(20240901));
		const at = seeded.nowIso();
		const type = (
			name: string,
			display_name: string,
			description: string,
			enabled: boolean,
			parent: IncidentType | null,
		): IncidentType => ({
			id: ids.object(),
			type: 'incident_type',
			name,
			display_name,
			description,
			enabled,
			parent: parent && { id: parent.id, type: 'incident_type_reference' },
			created_at: at,
			updated_at: at,
		});
		const base = type('incident_default', 'Base Incident', 'The default type.', true, null);
		return [
			base,
			type('security', 'Security Incident', 'Breaches and vulnerabilities.', true, base),
			type('fraud', 'Fraud', 'Payment fraud (retired).', false, base),
		];
	});

export const INCIDENT_TYPE_HANDLERS: Record<string, RestHandler> = {
	'GET /incidents/types': (store, request) => {
		const filter = queryValue(request, 'filter') ?? 'enabled';
		const types = incidentTypes(store).filter(
			(type) => filter === 'all' || type.enabled === (filter === 'enabled'),
		);
		return { status: 200, body: { incident_types: types } };
	},
	'GET /incidents/types/{type_id_or_name}': (store, request) => {
		const wanted = request.match.pathParams.type_id_or_name;
		const type = orNotFound(
			incidentTypes(store).find(({ id, name }) => id === wanted || name === wanted),
		);
		return { status: 200, body: { incident_type: type } };
	},
};
