#!/usr/bin/env node
'use strict';

/**
 * Derives the compact request contract in dev/contract/rest-v2.contract.json from
 * PagerDuty's REST OpenAPI file, for exactly the operations the sandbox serves: the keys of its
 * handler maps ('GET /incidents/{id}': …) in dev/sandbox/rest-*.ts. A unit test checks that this
 * list equals the sandbox's REST_HANDLERS and covers every request the node declares. The OpenAPI file itself must never be committed or
 * loaded by tests (no licence), so only machine facts survive: names, types and
 * constraints. Descriptions, examples, titles and x-* extensions are dropped.
 *
 * It also writes nodes/shared/scopes.generated.json: the Scoped OAuth scope of every REST
 * operation (x-pd-requires-scope, null where the spec names none) and the list of scope names;
 * the contract carries the same scope per operation, for the sandbox's enforcement.
 *
 * Usage:
 *   node tools/derive-contract.js          write the contract
 *   node tools/derive-contract.js --check  exit 1 if the committed contract drifted
 *
 * The spec directory is the nearest shared/pagerduty beside the repository or one of its
 * ancestors (../shared on CI, /work/shared for a worktree under /work/wt/), or
 * PAGERDUTY_OPENAPI_DIR. Without the spec, --check skips (GitHub's CI has no copy).
 */

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const SPEC_DIR = process.env.PAGERDUTY_OPENAPI_DIR
	? path.resolve(process.env.PAGERDUTY_OPENAPI_DIR)
	: findSharedSpecDir(path.dirname(REPO_ROOT));
const SPEC_FILE = path.join(SPEC_DIR, 'rest-api-v2.openapiv3.json');
const SANDBOX_DIR = path.join(REPO_ROOT, 'dev', 'sandbox');
const CONTRACT_FILE = path.join(REPO_ROOT, 'dev', 'contract', 'rest-v2.contract.json');
const EVENTS_SPEC_FILE = path.join(SPEC_DIR, 'events-api-v2.openapiv3.json');
const EVENTS_CONTRACT_FILE = path.join(REPO_ROOT, 'dev', 'contract', 'events-v2.contract.json');
/** The node's table of Scoped OAuth scopes, for every operation of the REST file. */
const SCOPES_FILE = path.join(REPO_ROOT, 'nodes', 'shared', 'scopes.generated.json');
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Events API v2 limits the spec leaves out (developer docs "Send an Alert Event" / "Send a
 * Change Event"), as JSON paths inside each operation's request body schema.
 */
const EVENTS_OVERLAYS = {
	'POST /v2/enqueue': {
		'properties.dedup_key': { maxLength: 255 },
		'properties.payload.properties.summary': { maxLength: 1024 },
	},
	'POST /v2/change/enqueue': {
		'properties.payload.properties.summary': { maxLength: 1024 },
	},
};

// Deep enough for every request body in the spec; deeper nodes are cut to {}.
const MAX_SCHEMA_DEPTH = 24;

// Keywords copied verbatim (scalars or arrays of scalars).
const SCALAR_KEYWORDS = [
	'type',
	'enum',
	'format',
	'pattern',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
	'minLength',
	'maxLength',
	'minItems',
	'maxItems',
	'uniqueItems',
	'required',
	'nullable',
	'readOnly',
	'default',
];

/**
 * Documented constraints the spec leaves out, keyed by components/parameters name.
 * - Classic offset pagination: "limit" maximum is 100 (docs REST-API/09-Pagination).
 * - GET /incidents since/until are declared as plain strings but are ISO 8601 dates.
 */
const UTC_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
const PARAMETER_OVERLAYS = {
	offset_limit: { maximum: 100 },
	incident_list_limit: { maximum: 100 },
	since_incidents: { format: 'date-time' },
	until_incidents: { format: 'date-time' },
	// Change events take UTC times only (else 400); the spec's pattern is a placeholder, not a regex.
	change_since: { pattern: UTC_DATE_TIME },
	change_until: { pattern: UTC_DATE_TIME },
};

/**
 * Query parameters an operation takes although its spec does not declare them (or declares them
 * wrongly), keyed 'METHOD /path'; each entry adds or replaces one parameter as
 * `{ schema, required? }` (contract form: no $ref, the validator's keywords). An entry for an
 * operation the sandbox does not serve is an error (a typo would otherwise do nothing).
 */
const OPERATION_QUERY_OVERLAYS = {
	// Status page lists declare no paging parameters, yet answer with classic offset paging
	// (limit 25, offset, more, as the spec's own examples show): they take limit and offset.
	// Unverified against live PagerDuty; no `total` (undeclared, so the node never sends it).
	...withOffsetPaging([
		'GET /status_pages',
		'GET /status_pages/{id}/impacts',
		'GET /status_pages/{id}/severities',
		'GET /status_pages/{id}/statuses',
		'GET /status_pages/{id}/services',
		'GET /status_pages/{id}/posts',
		'GET /status_pages/{id}/posts/{post_id}/post_updates',
	]),
};

/** Query overlays adding classic `limit` (≤ 100) and `offset` to these operations. */
function withOffsetPaging(operations) {
	const paging = {
		limit: { schema: { type: 'integer', minimum: 1, maximum: 100 } },
		offset: { schema: { type: 'integer', minimum: 0 } },
	};
	return Object.fromEntries(operations.map((operation) => [operation, paging]));
}

/**
 * Request schemas the spec gets wrong, keyed by the $ref target after #/components/schemas/:
 * a component name (`IncidentBody`) or a pointer inside one
 * (`CustomFieldsFieldValue/properties/value/oneOf/3`). They apply where a $ref to exactly that
 * target is resolved (inline schemas cannot be overlaid). An overlay may
 * - `properties`: replace the listed properties (the others stay);
 * - `required`: replace the list of required properties;
 * - `schema`: replace the whole schema (contract form).
 * - IncidentBody.details is declared as an object, but the spec's own examples (and PagerDuty)
 *   take a plain string.
 * - SupportHours start_time/end_time are declared format "time" (RFC 3339 full-time, which needs
 *   an offset), but they are times of day in the schedule's time_zone: the spec's own examples
 *   and PagerDuty use "09:00:00".
 * - The content-based alert grouping configs declare `aggregate` with the one value "all, any";
 *   their descriptions (and PagerDuty) take `all` or `any`.
 */
const TIME_OF_DAY = { type: 'string', format: 'partial-time' };
const GROUPING_AGGREGATE = { properties: { aggregate: { type: 'string', enum: ['all', 'any'] } } };
const SCHEMA_OVERLAYS = {
	IncidentBody: { properties: { details: { type: ['object', 'string'] } } },
	SupportHours: { properties: { start_time: TIME_OF_DAY, end_time: TIME_OF_DAY } },
	// Incident custom field values (PUT /incidents/{id}/custom_fields/values): the value's branches
	// are objects holding a nested `value`, yet the spec's own examples (and PagerDuty) take the
	// plain value ("production", ["production", "staging"]). Each branch becomes its inner schema.
	...customFieldValueBranches([
		{ type: 'boolean', nullable: true },
		{ type: 'number', nullable: true },
		{ type: 'integer', nullable: true },
		{
			oneOf: [
				{ type: 'string', maxLength: 200, nullable: true },
				{
					type: 'array',
					items: { type: 'string', maxLength: 200 },
					maxItems: 10,
					uniqueItems: true,
					nullable: true,
				},
			],
		},
		{ type: 'string', format: 'date-time', nullable: true },
		{ type: 'string', format: 'uri', maxLength: 200, nullable: true },
	]),
	// A status page post's updates require `post`, although inside "create a post" the post does
	// not exist yet. Creating an update on an existing post still needs it: the sandbox checks that.
	StatusPagePostUpdateRequest: {
		required: [
			'type',
			'message',
			'status',
			'severity',
			'update_frequency_ms',
			'notify_subscribers',
			'impacted_services',
		],
	},
	ContentBasedAlertGroupingConfiguration: GROUPING_AGGREGATE,
	ContentBasedIntelligentAlertGroupingConfiguration: GROUPING_AGGREGATE,
};

/** Overlays replacing the custom field value branches `oneOf/0…` by these schemas, in order. */
function customFieldValueBranches(schemas) {
	return Object.fromEntries(
		schemas.map((schema, index) => [
			`CustomFieldsFieldValue/properties/value/oneOf/${index}`,
			{ schema },
		]),
	);
}

/**
 * Request bodies the spec leaves optional (no requestBody.required) although their schema
 * requires properties: PagerDuty answers 400 for a missing body there ("incident" is required
 * for POST /incidents), so such a body is required.
 */
const BODY_REQUIRED_WHEN_SCHEMA_REQUIRES_PROPERTIES = true;

/** Every overlay of the REST contract; tests hand deriveOperation their own. */
const OVERLAYS = {
	parameters: PARAMETER_OVERLAYS,
	schemas: SCHEMA_OVERLAYS,
	operationQueries: OPERATION_QUERY_OVERLAYS,
};

const SCHEMA_REF_PREFIX = '#/components/schemas/';

function applySchemaOverlay(ref, schema, schemaOverlays) {
	const target = ref.startsWith(SCHEMA_REF_PREFIX)
		? ref.slice(SCHEMA_REF_PREFIX.length)
		: undefined;
	const overlay = target && schemaOverlays[target];
	if (!overlay) return schema;
	if (overlay.schema) return overlay.schema;
	const patched = { ...schema };
	if (overlay.properties)
		patched.properties = { ...(schema.properties || {}), ...overlay.properties };
	if (overlay.required) patched.required = overlay.required.slice();
	return patched;
}

/** The first <dir>/shared/pagerduty from `dir` upwards; the one beside the repository when none exists. */
function findSharedSpecDir(dir) {
	for (let current = dir; ; current = path.dirname(current)) {
		const candidate = path.join(current, 'shared', 'pagerduty');
		if (fs.existsSync(candidate)) return candidate;
		if (path.dirname(current) === current) return path.join(dir, 'shared', 'pagerduty');
	}
}

function fail(message, code) {
	process.stderr.write(`derive-contract: ${message}\n`);
	process.exit(code === undefined ? 2 : code);
}

function decodePointerToken(token) {
	return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolvePointer(spec, ref) {
	if (typeof ref !== 'string' || !ref.startsWith('#/')) {
		throw new Error(`unsupported $ref ${String(ref)}`);
	}
	let node = spec;
	for (const token of ref.slice(2).split('/').map(decodePointerToken)) {
		if (node === null || typeof node !== 'object' || !(token in node)) {
			throw new Error(`unresolvable $ref ${ref}`);
		}
		node = node[token];
	}
	return node;
}

/** Follows $ref chains of non-schema objects (parameters, request bodies). */
function derefObject(spec, node) {
	const seen = new Set();
	let current = node;
	let componentName;
	while (current && typeof current === 'object' && typeof current.$ref === 'string') {
		if (seen.has(current.$ref)) throw new Error(`cyclic $ref ${current.$ref}`);
		seen.add(current.$ref);
		componentName = current.$ref.split('/').pop();
		current = resolvePointer(spec, current.$ref);
	}
	return { value: current, componentName };
}

/**
 * Returns a $ref-free copy of a schema restricted to the validator's keyword subset.
 * Cycles and over-deep nesting become {} (accept anything) so output stays finite.
 * readOnly properties are removed: the contract only describes requests.
 */
function toRequestSchema(spec, schema, refStack, depth, overlays = OVERLAYS) {
	if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return {};
	if (depth > MAX_SCHEMA_DEPTH) return {};
	const below = (child, stack = refStack) =>
		toRequestSchema(spec, child, stack, depth + 1, overlays);
	if (typeof schema.$ref === 'string') {
		if (refStack.includes(schema.$ref)) return {};
		const target = resolvePointer(spec, schema.$ref);
		return applySchemaOverlay(
			schema.$ref,
			below(target, refStack.concat(schema.$ref)),
			overlays.schemas,
		);
	}

	const out = {};
	for (const keyword of SCALAR_KEYWORDS) {
		if (schema[keyword] !== undefined) {
			out[keyword] = Array.isArray(schema[keyword]) ? schema[keyword].slice() : schema[keyword];
		}
	}

	if (schema.properties && typeof schema.properties === 'object') {
		const properties = {};
		const dropped = [];
		for (const name of Object.keys(schema.properties)) {
			const property = below(schema.properties[name]);
			if (property.readOnly === true) {
				dropped.push(name);
				continue;
			}
			properties[name] = property;
		}
		out.properties = properties;
		// Only this object's own "required" loses the dropped names; a sibling allOf
		// branch may still require them (PagerDuty's Reference requires a readOnly id).
		if (Array.isArray(out.required)) {
			out.required = out.required.filter((name) => !dropped.includes(name));
			if (out.required.length === 0) delete out.required;
		}
	}

	if (schema.additionalProperties !== undefined) {
		out.additionalProperties =
			typeof schema.additionalProperties === 'boolean'
				? schema.additionalProperties
				: below(schema.additionalProperties);
	}
	if (schema.items !== undefined) {
		out.items = below(schema.items);
	}
	for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
		if (Array.isArray(schema[combinator])) {
			out[combinator] = schema[combinator].map((branch) => below(branch));
		}
	}
	return out;
}

function collectParameters(spec, pathItem, operation) {
	// Operation-level parameters override path-level ones with the same name+location.
	const byKey = new Map();
	for (const raw of [...(pathItem.parameters || []), ...(operation.parameters || [])]) {
		const { value, componentName } = derefObject(spec, raw);
		byKey.set(`${value.in}:${value.name}`, { parameter: value, componentName });
	}
	return [...byKey.values()];
}

function deriveOperation(spec, method, pathTemplate, overlays = OVERLAYS) {
	const pathItem = spec.paths[pathTemplate];
	const operation = pathItem && pathItem[method.toLowerCase()];
	if (!operation) return null;

	const pathParamOrder = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
	const pathParams = [];
	const query = {};
	const headers = {};

	for (const { parameter, componentName } of collectParameters(spec, pathItem, operation)) {
		let schema = toRequestSchema(spec, parameter.schema || {}, [], 0, overlays);
		if (componentName && overlays.parameters[componentName]) {
			schema = { ...schema, ...overlays.parameters[componentName] };
		}
		if (parameter.in === 'path') {
			pathParams.push({ name: parameter.name, schema });
		} else if (parameter.in === 'query') {
			const entry = { required: parameter.required === true, schema };
			// Default for query is style=form, explode=true; record only the exception
			// (comma-separated values such as sort_by on /incidents).
			if (parameter.explode === false) entry.explode = false;
			query[parameter.name] = entry;
		} else if (parameter.in === 'header') {
			headers[parameter.name] = { required: parameter.required === true, schema };
		}
	}
	pathParams.sort((a, b) => pathParamOrder.indexOf(a.name) - pathParamOrder.indexOf(b.name));
	const queryOverlay = overlays.operationQueries[`${method} ${pathTemplate}`] || {};
	for (const [name, { schema, required }] of Object.entries(queryOverlay)) {
		query[name] = { required: required === true, schema };
	}

	let requestBody = null;
	if (operation.requestBody) {
		const { value: body } = derefObject(spec, operation.requestBody);
		const content = body.content || {};
		const mediaType = content['application/json'] ? 'application/json' : Object.keys(content)[0];
		const rawSchema = mediaType && content[mediaType].schema ? content[mediaType].schema : {};
		const schema = toRequestSchema(spec, rawSchema, [], 0, overlays);
		const schemaRequires = Array.isArray(schema.required) && schema.required.length > 0;
		requestBody = {
			required:
				body.required === true || (BODY_REQUIRED_WHEN_SCHEMA_REQUIRES_PROPERTIES && schemaRequires),
			schema,
		};
		if (mediaType && mediaType !== 'application/json') requestBody.mediaType = mediaType;
	}

	const derived = {
		method,
		path: pathTemplate,
		pathParams,
		query,
		headers,
		requestBody,
		fromRequired: Boolean(headers.From && headers.From.required),
	};
	if (operation.operationId) derived.operationId = operation.operationId;
	return derived;
}

function sortKeysDeep(value) {
	if (Array.isArray(value)) return value.map(sortKeysDeep);
	if (value === null || typeof value !== 'object') return value;
	const sorted = {};
	for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(value[key]);
	return sorted;
}

/** A handler map entry in the sandbox's source: `'GET /incidents/{id}': (store, request) => …`. */
const HANDLER_KEY = /^\s*'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)'\s*:/gm;

/** The REST operations the sandbox serves, read from its handler maps (dev/sandbox/rest-*.ts). */
function readOperationList() {
	const seen = new Set();
	const files = fs
		.readdirSync(SANDBOX_DIR)
		.filter((name) => /^rest-.*\.ts$/.test(name))
		.sort();
	for (const name of files) {
		const source = fs.readFileSync(path.join(SANDBOX_DIR, name), 'utf8');
		for (const match of source.matchAll(HANDLER_KEY)) {
			if (seen.has(match[1]))
				fail(`operation "${match[1]}" has two handlers (second in dev/sandbox/${name})`);
			seen.add(match[1]);
		}
	}
	if (seen.size === 0) fail(`no handler keys found in ${SANDBOX_DIR}/rest-*.ts`);
	return [...seen].sort().map((entry) => {
		const [method, pathTemplate] = entry.split(' ');
		return { method, path: pathTemplate };
	});
}

/** The Scoped OAuth scope an operation requires (x-pd-requires-scope); null where the spec names none. */
function requiredScope(operation) {
	const scope = operation['x-pd-requires-scope'];
	return typeof scope === 'string' && scope !== '' ? scope : null;
}

/** Every operation of the spec as 'METHOD /path' → its required scope (or null). */
function scopeTable(spec) {
	const operations = {};
	for (const specPath of Object.keys(spec.paths)) {
		for (const method of HTTP_METHODS) {
			const operation = spec.paths[specPath][method];
			if (operation) operations[`${method.toUpperCase()} ${specPath}`] = requiredScope(operation);
		}
	}
	return operations;
}

/** Every scope name the spec uses, sorted. */
function scopeNames(operations) {
	return [...new Set(Object.values(operations).filter((scope) => scope !== null))].sort();
}

function buildContract(spec) {
	const operations = {};
	const missing = [];
	for (const { method, path: pathTemplate } of readOperationList()) {
		const derived = deriveOperation(spec, method, pathTemplate);
		if (!derived) {
			missing.push(`${method} ${pathTemplate}`);
			continue;
		}
		derived.scope = requiredScope(spec.paths[pathTemplate][method.toLowerCase()]);
		operations[`${method} ${pathTemplate}`] = derived;
	}
	if (missing.length > 0) fail(`operations not found in the spec: ${missing.join(', ')}`);
	const unserved = Object.keys(OPERATION_QUERY_OVERLAYS).filter((key) => !operations[key]);
	if (unserved.length > 0)
		fail(
			`OPERATION_QUERY_OVERLAYS names operations the sandbox does not serve: ${unserved.join(', ')}`,
		);
	return sortKeysDeep({
		generatedBy: 'tools/derive-contract.js',
		overlays: {
			parameters: PARAMETER_OVERLAYS,
			schemas: SCHEMA_OVERLAYS,
			operationQueries: OPERATION_QUERY_OVERLAYS,
			bodyRequiredWhenSchemaRequiresProperties: BODY_REQUIRED_WHEN_SCHEMA_REQUIRES_PROPERTIES,
		},
		spec: { openapi: spec.openapi, version: spec.info && spec.info.version },
		scopes: scopeNames(scopeTable(spec)),
		operations,
	});
}

/**
 * The node-side table: the scope each REST operation requires (null: the spec names none) and
 * every scope name the spec uses (what a Scoped OAuth credential can ask for).
 */
function buildScopeTable(spec) {
	const operations = scopeTable(spec);
	return sortKeysDeep({
		generatedBy: 'tools/derive-contract.js',
		spec: { openapi: spec.openapi, version: spec.info && spec.info.version },
		scopes: scopeNames(operations),
		operations,
	});
}

function serialize(contract) {
	return `${JSON.stringify(contract, null, '\t')}\n`;
}

/** Lists JSON paths where two values differ (bounded, for a readable summary). */
function diffPaths(a, b, at, out, limit) {
	if (out.length >= limit) return;
	if (JSON.stringify(a) === JSON.stringify(b)) return;
	const bothObjects =
		a &&
		b &&
		typeof a === 'object' &&
		typeof b === 'object' &&
		Array.isArray(a) === Array.isArray(b);
	if (!bothObjects) {
		out.push(at || '(root)');
		return;
	}
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of [...keys].sort())
		diffPaths(a[key], b[key], at ? `${at}.${key}` : key, out, limit);
}

const MAX_DRIFT_LINES = 40;

function summarizeDrift(committed, fresh) {
	if (!committed) return '  (no committed file, or it is not JSON)';
	const lines = [];
	const committedOps = (committed && committed.operations) || {};
	const freshOps = fresh.operations;
	for (const key of Object.keys(freshOps)) {
		if (!(key in committedOps)) lines.push(`  + ${key} (not in committed contract)`);
	}
	for (const key of Object.keys(committedOps)) {
		if (!(key in freshOps)) lines.push(`  - ${key} (no longer derived)`);
	}
	for (const key of Object.keys(freshOps)) {
		if (!(key in committedOps)) continue;
		const paths = [];
		diffPaths(committedOps[key], freshOps[key], '', paths, 10);
		if (paths.length > 0) lines.push(`  ~ ${key}: ${paths.join(', ')}`);
	}
	const rest = [];
	const withoutOperations = (contract) => {
		const copy = { ...(contract || {}) };
		delete copy.operations;
		return copy;
	};
	diffPaths(withoutOperations(committed), withoutOperations(fresh), '', rest, 10);
	if (rest.length > 0) lines.push(`  ~ metadata: ${rest.join(', ')}`);
	if (lines.length === 0) lines.push('  (formatting only)');
	if (lines.length > MAX_DRIFT_LINES) {
		const more = lines.length - MAX_DRIFT_LINES;
		lines.splice(MAX_DRIFT_LINES, more, `  … and ${more} more`);
	}
	return lines.join('\n');
}

/**
 * The Events API v2 contract: every operation of the events file, under the path its server URL
 * gives (`/v2/enqueue`), with the documented limits of EVENTS_OVERLAYS applied.
 */
function buildEventsContract(spec) {
	const server = spec.servers && spec.servers[0] ? new URL(spec.servers[0].url) : null;
	const prefix = server ? server.pathname.replace(/\/+$/, '') : '';
	const operations = {};
	for (const specPath of Object.keys(spec.paths).sort()) {
		for (const method of HTTP_METHODS) {
			if (!spec.paths[specPath][method]) continue;
			const derived = deriveOperation(spec, method.toUpperCase(), specPath);
			derived.path = `${prefix}${specPath}`;
			const key = `${derived.method} ${derived.path}`;
			for (const [at, patch] of Object.entries(EVENTS_OVERLAYS[key] || {})) {
				let node = derived.requestBody.schema;
				for (const segment of at.split('.')) node = node && node[segment];
				if (!node) fail(`events overlay ${key} ${at}: not in the spec`);
				Object.assign(node, patch);
			}
			operations[key] = derived;
		}
	}
	for (const key of Object.keys(EVENTS_OVERLAYS)) {
		if (!operations[key]) fail(`events operation ${key} not found in the spec`);
	}
	return sortKeysDeep({
		generatedBy: 'tools/derive-contract.js',
		overlays: EVENTS_OVERLAYS,
		spec: { openapi: spec.openapi, version: spec.info && spec.info.version },
		operations,
	});
}

function main() {
	const check = process.argv.includes('--check');
	const targets = [
		{ specFile: SPEC_FILE, contractFile: CONTRACT_FILE, build: buildContract },
		{ specFile: EVENTS_SPEC_FILE, contractFile: EVENTS_CONTRACT_FILE, build: buildEventsContract },
		{ specFile: SPEC_FILE, contractFile: SCOPES_FILE, build: buildScopeTable },
	];
	let drifted = false;
	for (const target of targets) {
		if (deriveOne(target, check) === false) drifted = true;
	}
	if (drifted) process.exit(1);
}

const parsedSpecs = new Map();

function readSpec(file) {
	if (!parsedSpecs.has(file)) parsedSpecs.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
	return parsedSpecs.get(file);
}

/** Writes (or with check, compares) one contract; false when the committed one drifted. */
function deriveOne({ specFile: SPEC_FILE, contractFile: CONTRACT_FILE, build }, check) {
	if (!fs.existsSync(SPEC_FILE)) {
		if (check) {
			process.stdout.write(`derive-contract: ${SPEC_FILE} not found; skipping drift check.\n`);
			return true;
		}
		fail(`${SPEC_FILE} not found (set PAGERDUTY_OPENAPI_DIR)`);
	}
	const spec = readSpec(SPEC_FILE);
	const contract = build(spec);
	const text = serialize(contract);

	if (check) {
		const committedText = fs.existsSync(CONTRACT_FILE)
			? fs.readFileSync(CONTRACT_FILE, 'utf8')
			: '';
		if (committedText === text) {
			process.stdout.write(
				`derive-contract: ${path.relative(REPO_ROOT, CONTRACT_FILE)} is up to date (${Object.keys(contract.operations).length} operations).\n`,
			);
			return true;
		}
		let committed = null;
		try {
			committed = committedText ? JSON.parse(committedText) : null;
		} catch {
			committed = null;
		}
		process.stderr.write(
			`derive-contract: ${path.relative(REPO_ROOT, CONTRACT_FILE)} differs from the spec-derived contract:\n${summarizeDrift(committed, contract)}\nRun "node tools/derive-contract.js" to regenerate.\n`,
		);
		return false;
	}

	fs.mkdirSync(path.dirname(CONTRACT_FILE), { recursive: true });
	fs.writeFileSync(CONTRACT_FILE, text);
	process.stdout.write(
		`derive-contract: wrote ${path.relative(REPO_ROOT, CONTRACT_FILE)} (${Object.keys(contract.operations).length} operations).\n`,
	);
	return true;
}

if (require.main === module) main();

module.exports = {
	buildContract,
	buildEventsContract,
	buildScopeTable,
	deriveOperation,
	toRequestSchema,
	sortKeysDeep,
};
