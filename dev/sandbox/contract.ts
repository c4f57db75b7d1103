/**
 * Request validation against the derived PagerDuty contract (dev/contract/rest-v2.contract.json).
 * Stricter than PagerDuty where that helps catch node bugs: unknown query parameters are rejected.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

import { JsonSchema, validateSchema } from './json-schema';

export interface ContractParameter {
	required: boolean;
	schema: JsonSchema;
	/** Present (false) only for comma-separated arrays such as sort_by on /incidents. */
	explode?: boolean;
}

export interface ContractOperation {
	method: string;
	path: string;
	operationId?: string;
	pathParams: Array<{ name: string; schema: JsonSchema }>;
	query: Record<string, ContractParameter>;
	headers: Record<string, ContractParameter>;
	requestBody: { required: boolean; schema: JsonSchema; mediaType?: string } | null;
	fromRequired: boolean;
	/** REST only: the Scoped OAuth scope the spec requires (x-pd-requires-scope); null: none named. */
	scope?: string | null;
}

export interface Contract {
	operations: Record<string, ContractOperation>;
	/** REST only: every scope name the spec uses. */
	scopes?: string[];
}

export interface IncomingRequestShape {
	method: string;
	path: string;
	query: Array<[string, string]>;
	headers: Record<string, string | undefined>;
	rawBody: string;
}

export interface ContractMatch {
	/** e.g. 'GET /incidents/{id}' */
	operation: string;
	pathParams: Record<string, string>;
	query: Record<string, string | string[]>;
	body: unknown;
	/** The spec requires a From header; the caller decides whether the token kind needs it. */
	fromRequired: boolean;
}

export type ValidationResult =
	| { ok: true; match: ContractMatch }
	| {
			ok: false;
			status: 400 | 404 | 405;
			violations: string[];
			/** Set when the route matched (status 400). */
			operation?: string;
	  };

export const PAGERDUTY_MEDIA_TYPE = 'application/vnd.pagerduty+json;version=2';

/**
 * Finds a derived contract file (dev/contract/<name>) next to this module, or in the nearest
 * ancestor folder that has one, so compiled copies (.build/) find the committed file too.
 */
export function findContractFile(name = 'rest-v2.contract.json'): string {
	if (name === 'rest-v2.contract.json' && process.env.PAGERDUTY_CONTRACT_FILE) {
		return resolve(process.env.PAGERDUTY_CONTRACT_FILE);
	}
	const relative = join('dev', 'contract', name);
	const sibling = resolve(__dirname, '..', 'contract', name);
	if (existsSync(sibling)) return sibling;
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const candidate = join(dir, relative);
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) break;
	}
	throw new Error(`Cannot find ${relative} (set PAGERDUTY_CONTRACT_FILE)`);
}

export function loadContract(file?: string): Contract {
	const parsed = JSON.parse(readFileSync(file ?? findContractFile(), 'utf8')) as Contract;
	if (!parsed || typeof parsed.operations !== 'object') throw new Error('Malformed contract file');
	return parsed;
}

interface CompiledRoute {
	key: string;
	operation: ContractOperation;
	segments: Array<{ literal: string } | { param: string }>;
}

const compiledRoutes = new WeakMap<Contract, CompiledRoute[]>();

function routesOf(contract: Contract): CompiledRoute[] {
	let routes = compiledRoutes.get(contract);
	if (!routes) {
		routes = Object.entries(contract.operations).map(([key, operation]) => ({
			key,
			operation,
			segments: operation.path
				.split('/')
				.slice(1)
				.map((segment) => {
					const param = /^\{(.+)\}$/.exec(segment);
					return param ? { param: param[1] } : { literal: segment };
				}),
		}));
		compiledRoutes.set(contract, routes);
	}
	return routes;
}

function matchSegments(route: CompiledRoute, segments: string[]): Record<string, string> | null {
	if (route.segments.length !== segments.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const expected = route.segments[i];
		if ('literal' in expected) {
			if (expected.literal !== segments[i]) return null;
		} else {
			if (segments[i] === '') return null;
			params[expected.param] = segments[i];
		}
	}
	return params;
}

/** Literal segments beat parameters, compared left to right (/users/me before /users/{id}). */
function compareSpecificity(a: CompiledRoute, b: CompiledRoute): number {
	for (let i = 0; i < a.segments.length; i++) {
		const aLiteral = 'literal' in a.segments[i];
		const bLiteral = 'literal' in b.segments[i];
		if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
	}
	return 0;
}

function decodeSegments(path: string): string[] | null {
	if (!path.startsWith('/')) return null;
	try {
		return path.slice(1).split('/').map(decodeURIComponent);
	} catch {
		return null;
	}
}

function normalizeHeaders(headers: Record<string, string | undefined>): Map<string, string> {
	const map = new Map<string, string>();
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) map.set(name.toLowerCase(), value);
	}
	return map;
}

function acceptsPagerDutyV2(value: string): boolean {
	return value
		.split(',')
		.map((part) => part.replace(/\s+/g, '').toLowerCase())
		.includes(PAGERDUTY_MEDIA_TYPE);
}

function isJsonContentType(value: string): boolean {
	return /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(value.trim());
}

function checkHeaders(
	operation: ContractOperation,
	headers: Map<string, string>,
	out: string[],
): void {
	for (const [name, parameter] of Object.entries(operation.headers)) {
		const value = headers.get(name.toLowerCase());
		const lower = name.toLowerCase();
		if (value === undefined) {
			// From is required by the server, not here: only account-level keys need it.
			if (parameter.required && lower !== 'from') out.push(`header.${name}: is required`);
			continue;
		}
		if (lower === 'accept') {
			if (!acceptsPagerDutyV2(value))
				out.push(`header.${name}: must include ${PAGERDUTY_MEDIA_TYPE}`);
		} else if (lower === 'content-type') {
			if (!isJsonContentType(value)) out.push(`header.${name}: must be application/json`);
		} else {
			out.push(...validateSchema(parameter.schema, value, `header.${name}`));
		}
	}
}

/** Converts one raw query string value to the JSON type its schema asks for. */
function coerceQueryValue(schema: JsonSchema, raw: string, at: string, out: string[]): unknown {
	const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
	if (type === 'integer') {
		if (!/^-?\d+$/.test(raw)) {
			out.push(`${at}: must be an integer`);
			return undefined;
		}
		return Number(raw);
	}
	if (type === 'number') {
		if (raw.trim() === '' || Number.isNaN(Number(raw))) {
			out.push(`${at}: must be a number`);
			return undefined;
		}
		return Number(raw);
	}
	if (type === 'boolean') {
		if (raw !== 'true' && raw !== 'false') {
			out.push(`${at}: must be true or false`);
			return undefined;
		}
		return raw === 'true';
	}
	return raw;
}

function checkQueryItem(schema: JsonSchema, raw: string, at: string, out: string[]): void {
	const before = out.length;
	const value = coerceQueryValue(schema, raw, at, out);
	if (out.length > before) return;
	// uniqueItems/minItems/maxItems are list-level; check the scalar constraints only.
	const scalar: JsonSchema = { ...schema };
	delete scalar.uniqueItems;
	delete scalar.minItems;
	delete scalar.maxItems;
	out.push(...validateSchema(scalar, value, at));
}

function checkQuery(
	operation: ContractOperation,
	query: Array<[string, string]>,
	out: string[],
): Record<string, string | string[]> {
	const grouped = new Map<string, string[]>();
	for (const [name, value] of query) {
		const values = grouped.get(name) ?? [];
		values.push(value);
		grouped.set(name, values);
	}

	const result: Record<string, string | string[]> = {};
	for (const name of grouped.keys()) {
		if (operation.query[name]) continue;
		let hint = '';
		if (operation.query[`${name}[]`]) hint = ` (did you mean ${name}[]?)`;
		else if (name.endsWith('[]') && operation.query[name.slice(0, -2)])
			hint = ` (did you mean ${name.slice(0, -2)}?)`;
		out.push(`query.${name}: unknown parameter${hint}`);
	}

	for (const [name, parameter] of Object.entries(operation.query)) {
		const values = grouped.get(name);
		const at = `query.${name}`;
		if (!values) {
			if (parameter.required) out.push(`${at}: is required`);
			continue;
		}
		const schema = parameter.schema;
		const isList = name.endsWith('[]') || schema.type === 'array';
		if (!isList) {
			if (values.length > 1) out.push(`${at}: must be given once`);
			checkQueryItem(schema, values[0], at, out);
			result[name] = values[0];
			continue;
		}
		const items =
			parameter.explode === false ? values.flatMap((value) => value.split(',')) : values;
		const itemSchema = schema.type === 'array' ? (schema.items ?? {}) : schema;
		items.forEach((item) => checkQueryItem(itemSchema, item, at, out));
		if (schema.uniqueItems === true && new Set(items).size !== items.length) {
			out.push(`${at}: must not contain duplicate values`);
		}
		if (schema.minItems !== undefined && items.length < schema.minItems) {
			out.push(`${at}: must have at least ${schema.minItems} values`);
		}
		if (schema.maxItems !== undefined && items.length > schema.maxItems) {
			out.push(`${at}: must have at most ${schema.maxItems} values`);
		}
		result[name] = items;
	}
	return result;
}

function checkBody(operation: ContractOperation, rawBody: string, out: string[]): unknown {
	if (rawBody.trim() === '') {
		if (operation.requestBody?.required) out.push('body: is required');
		return undefined;
	}
	let body: unknown;
	try {
		body = JSON.parse(rawBody);
	} catch {
		if (operation.requestBody) out.push('body: is not valid JSON');
		return rawBody;
	}
	// Bodies on operations that take none are ignored, as PagerDuty does.
	if (operation.requestBody)
		out.push(...validateSchema(operation.requestBody.schema, body, 'body'));
	return body;
}

export function validateRequest(contract: Contract, req: IncomingRequestShape): ValidationResult {
	const segments = decodeSegments(req.path);
	if (!segments) return { ok: false, status: 404, violations: [`path ${req.path}: not found`] };

	const method = req.method.toUpperCase();
	const candidates: Array<{ route: CompiledRoute; params: Record<string, string> }> = [];
	for (const route of routesOf(contract)) {
		const params = matchSegments(route, segments);
		if (params) candidates.push({ route, params });
	}
	if (candidates.length === 0) {
		return { ok: false, status: 404, violations: [`path ${req.path}: not found`] };
	}
	const sameMethod = candidates.filter(({ route }) => route.operation.method === method);
	if (sameMethod.length === 0) {
		const allowed = [...new Set(candidates.map(({ route }) => route.operation.method))].sort();
		return {
			ok: false,
			status: 405,
			violations: [`${method} ${req.path}: method not allowed (allowed: ${allowed.join(', ')})`],
		};
	}
	// Among routes with the same method, the most literal template wins.
	sameMethod.sort((a, b) => compareSpecificity(a.route, b.route));
	const { route, params } = sameMethod[0];
	const operation = route.operation;

	const violations: string[] = [];
	checkHeaders(operation, normalizeHeaders(req.headers), violations);
	for (const { name, schema } of operation.pathParams) {
		violations.push(...validateSchema(schema, params[name], `path.${name}`));
	}
	const query = checkQuery(operation, req.query, violations);
	const body = checkBody(operation, req.rawBody, violations);

	if (violations.length > 0) return { ok: false, status: 400, violations, operation: route.key };
	return {
		ok: true,
		match: {
			operation: route.key,
			pathParams: params,
			query,
			body,
			fromRequired: operation.fromRequired,
		},
	};
}
