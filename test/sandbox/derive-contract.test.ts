import type { JsonSchema } from '../../dev/sandbox/json-schema';
import { validateSchema } from '../../dev/sandbox/json-schema';

type Schema = Record<string, unknown>;
interface Overlays {
	parameters: Record<string, Schema>;
	schemas: Record<string, { properties?: Schema; required?: string[]; schema?: Schema }>;
	operationQueries: Record<string, Record<string, { schema: Schema; required?: boolean }>>;
}
interface DerivedOperation {
	query: Record<string, { required: boolean; schema: Schema }>;
	requestBody: { required: boolean; schema: Schema & { properties: Record<string, Schema> } };
}

// tools/ is plain JavaScript run by Node; its functions are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveOperation } = require('../../tools/derive-contract') as {
	deriveOperation(
		spec: unknown,
		method: string,
		path: string,
		overlays: Overlays,
	): DerivedOperation;
};

/** A small spec with the kinds of defects §3.0.2 of the issue 12 plan overlays. */
const spec = {
	paths: {
		'/pages': {
			get: { parameters: [{ name: 'query', in: 'query', schema: { type: 'string' } }] },
		},
		'/pages/{id}/posts': {
			post: {
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { $ref: '#/components/schemas/PostBody' } } },
				},
			},
		},
	},
	components: {
		schemas: {
			PostBody: {
				type: 'object',
				required: ['post'],
				properties: {
					post: { $ref: '#/components/schemas/Post' },
					value: { $ref: '#/components/schemas/FieldValue/properties/value/oneOf/0' },
				},
			},
			Post: {
				type: 'object',
				required: ['title', 'post'],
				properties: { title: { type: 'string' }, post: { type: 'object' } },
			},
			FieldValue: {
				type: 'object',
				properties: {
					value: {
						oneOf: [
							{ type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
						],
					},
				},
			},
		},
	},
};

const none: Overlays = { parameters: {}, schemas: {}, operationQueries: {} };
const derive = (method: string, path: string, overlays: Partial<Overlays> = {}) =>
	deriveOperation(spec, method, path, { ...none, ...overlays });
const accepts = (schema: Schema, value: unknown) =>
	validateSchema(schema as JsonSchema, value, 'body').length === 0;

describe('derive-contract overlays', () => {
	it('OPERATION_QUERY_OVERLAYS adds undeclared query parameters and replaces declared ones', () => {
		expect(Object.keys(derive('GET', '/pages').query)).toEqual(['query']);
		const { query } = derive('GET', '/pages', {
			operationQueries: {
				'GET /pages': {
					limit: { schema: { type: 'integer', minimum: 1, maximum: 100 } },
					offset: { schema: { type: 'integer', minimum: 0 } },
					query: { schema: { type: 'string', maxLength: 3 }, required: true },
				},
				'GET /other': { limit: { schema: { type: 'integer' } } },
			},
		});
		expect(query).toEqual({
			limit: { required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
			offset: { required: false, schema: { type: 'integer', minimum: 0 } },
			query: { required: true, schema: { type: 'string', maxLength: 3 } },
		});
	});

	it('a schema overlay replaces `required` of a component', () => {
		const post = (overlays: Partial<Overlays>) =>
			derive('POST', '/pages/{id}/posts', overlays).requestBody.schema.properties.post;
		expect(post({}).required).toEqual(['title', 'post']);
		expect(accepts(post({}), { title: 'Maintenance' })).toBe(false);

		const patched = post({ schemas: { Post: { required: ['title'] } } });
		expect(patched.required).toEqual(['title']);
		expect(accepts(patched, { title: 'Maintenance' })).toBe(true);
		expect(patched.properties).toEqual({ title: { type: 'string' }, post: { type: 'object' } });
	});

	it('a schema overlay replaces the whole schema at a $ref target inside a component', () => {
		const value = (overlays: Partial<Overlays>) =>
			derive('POST', '/pages/{id}/posts', overlays).requestBody.schema.properties.value;
		expect(accepts(value({}), 'production')).toBe(false);

		const replaced = { type: 'string', maxLength: 200, nullable: true };
		const patched = value({
			schemas: { 'FieldValue/properties/value/oneOf/0': { schema: replaced } },
		});
		expect(patched).toEqual(replaced);
		expect(accepts(patched, 'production')).toBe(true);
		expect(accepts(patched, { value: 'production' })).toBe(false);
	});

	it('a schema overlay still merges `properties` (the existing kind)', () => {
		const body = derive('POST', '/pages/{id}/posts', {
			schemas: { Post: { properties: { title: { type: 'string', maxLength: 5 } } } },
		}).requestBody.schema;
		expect(body.properties.post.properties).toEqual({
			title: { type: 'string', maxLength: 5 },
			post: { type: 'object' },
		});
	});
});
