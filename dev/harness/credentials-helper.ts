// An in-memory stand-in for the n8n cli's CredentialsHelper (the class n8n-core talks to through
// `additionalData.credentialsHelper`). It behaves like n8n 2.41 where the node under test can
// observe it: parent types via `extends`, property defaults merged in (inherited ones too), hidden
// OAuth "pinned" fields taken from the credential class, `={{ … $self … }}` defaults resolved with
// n8n-workflow's expression engine, generic `authenticate` templates resolved against
// `$credentials`, and OAuth token updates written back to the store. Written for this package's
// tests; database, overwrites, external secrets and dynamic credentials are left out.
import { Container } from '@n8n/di';
import type { IEncryptionKeyProvider, KeyInfo } from 'n8n-core';
import {
	Cipher,
	Credentials,
	EncryptionKeyProxy,
	InstanceSettings,
	getAdditionalKeys,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IVersionedNodeType,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	isExpression,
} from 'n8n-workflow';

/**
 * The base `oAuth2Api` credential type lives in n8n-nodes-base, which is not a dependency of this
 * package. This is a minimal equivalent with the fields n8n-core's OAuth2 request/refresh code reads
 * (`requestOAuth2`, `createOAuth2Client`, `@n8n/client-oauth2`). Extensions override these with
 * their own (usually hidden) properties, exactly as they do against the real base type.
 */
export const OAUTH2_BASE_CREDENTIAL: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'] } },
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Body',
					value: 'body',
					description: 'Send client ID and secret in the token request body',
				},
				{
					name: 'Header',
					value: 'header',
					description: 'Send client ID and secret as Basic auth header',
				},
			],
			default: 'header',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			displayOptions: { show: { sendAdditionalBodyProperties: [true] } },
			default: '',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
		},
	],
};

/**
 * Fields n8n 2.41 treats as owned by the credential class when the (merged) property is hidden:
 * stored values are discarded so the class default (possibly an expression) always applies.
 */
export const OAUTH_PINNED_FIELDS: readonly string[] = [
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
	'requestTokenUrl',
	'signatureMethod',
];

/** One stored credential: what n8n keeps in its `credentials_entity` table, decrypted. */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

// Throwaway node type + workflow used to evaluate credential expressions outside a node run
// (load options, credential tests, OAuth refresh), the way the cli does it.
const MOCK_NODE_TYPE_NAME = 'test.credentialExpressionMock';
const mockNode: INode = {
	id: 'credential-expression-mock',
	name: 'Credential Expression Mock',
	type: MOCK_NODE_TYPE_NAME,
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const mockNodeType: INodeType = {
	description: {
		displayName: 'Credential Expression Mock',
		name: MOCK_NODE_TYPE_NAME,
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Credential Expression Mock' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};
const mockNodeTypes: INodeTypes = {
	getByName: (): INodeType | IVersionedNodeType => mockNodeType,
	getByNameAndVersion: (): INodeType => mockNodeType,
	getKnownTypes: (): IDataObject => ({}),
};

let credentialIdCounter = 0;

/**
 * n8n-core 2.41 encrypts credentials through an EncryptionKeyProxy whose provider the cli wires to
 * its key table; unconfigured, every Credentials.setData/getData throws "Encryption key provider
 * is not configured". This provider offers the instance key (generated by InstanceSettings in
 * $N8N_USER_FOLDER/.n8n/config) as the one legacy, unprefixed key, like an instance that never
 * rotated keys. `@n8n/di` is n8n-core's own container (a dependency of n8n-core).
 */
function ensureEncryptionKeyProvider(): void {
	const proxy = Container.get(EncryptionKeyProxy);
	let legacyKey: KeyInfo | undefined;
	const getLegacyKey = async (): Promise<KeyInfo> => {
		legacyKey ??= {
			id: 'legacy',
			value: Container.get(Cipher).encryptDEKWithInstanceKey(
				Container.get(InstanceSettings).encryptionKey,
			),
			algorithm: 'aes-256-cbc',
			format: 'no-prefix',
		};
		return legacyKey;
	};
	const provider: IEncryptionKeyProvider = {
		getActiveKey: getLegacyKey,
		getLegacyKey,
		getKeyById: async (id) => (id === 'legacy' ? await getLegacyKey() : null),
	};
	if (!encryptionProviderInstalled.has(proxy)) {
		proxy.setProvider(provider);
		encryptionProviderInstalled.add(proxy);
	}
}
const encryptionProviderInstalled = new WeakSet<EncryptionKeyProxy>();

function deepCopy<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly stored = new Map<string, StoredCredential>();

	/**
	 * @param credentialTypes the credential types known to this "instance"; `oAuth2Api` is added
	 *   automatically unless one is passed in
	 * @param credentials plaintext data by credential type name (one credential per type)
	 * @param ids stored IDs by credential type name (default: a new one per credential), so two runs
	 *   can use the same credential as two executions in one n8n do
	 */
	constructor(
		credentialTypes: ICredentialType[],
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
		ids: Record<string, string> = {},
	) {
		super();
		ensureEncryptionKeyProvider();
		for (const type of [OAUTH2_BASE_CREDENTIAL, ...credentialTypes]) {
			this.types.set(type.name, type);
		}
		for (const [type, data] of Object.entries(credentials)) {
			this.addCredential(type, data, ids[type]);
		}
	}

	/** Adds (or replaces) the stored credential for `type`; returns the reference a node stores. */
	addCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
		id?: string,
	): INodeCredentialsDetails {
		this.getCredentialType(type);
		credentialIdCounter += 1;
		const entry: StoredCredential = {
			id: id ?? `test-credential-${credentialIdCounter}`,
			name: `${type} (test)`,
			type,
			data: deepCopy(data),
		};
		this.stored.set(type, entry);
		return { id: entry.id, name: entry.name };
	}

	/** Node-side reference (`node.credentials[type]`) to the stored credential of `type`. */
	getNodeCredentialsDetails(type: string): INodeCredentialsDetails | undefined {
		const entry = this.stored.get(type);
		return entry ? { id: entry.id, name: entry.name } : undefined;
	}

	/** A deep copy of the store as plaintext data by credential type name. */
	snapshot(): Record<string, ICredentialDataDecryptedObject> {
		const result: Record<string, ICredentialDataDecryptedObject> = {};
		for (const [type, entry] of this.stored) {
			result[type] = deepCopy(entry.data);
		}
		return result;
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (type === undefined) {
			throw new UnexpectedError(`Unknown credential type "${name}"`, {
				tags: { credentialType: name },
			});
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.getCredentialType(name).extends ?? [];
		const result: string[] = [];
		for (const parent of parents) {
			result.push(parent);
			if (this.types.has(parent)) {
				result.push(...this.getParentTypes(parent));
			}
		}
		return result;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		const shortName = nodeType.split('.').pop() ?? nodeType;
		return (type.supportedNodes ?? []).some((name) => name === nodeType || name === shortName);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);

		if (credentialType.extends === undefined) {
			// The base OAuth types carry their token response in an extra, undeclared field.
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialType.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return credentialType.properties;
		}

		// Parents first, then the type's own properties, which replace same-named parent ones.
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.getCredentialType(typeName);

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}

		if (authenticate?.type === 'generic') {
			const resolve = (value: unknown): unknown =>
				typeof value === 'string'
					? this.resolveAuthenticateValue(value, credentials, workflow, node)
					: value;
			const target = requestOptions as unknown as Record<string, unknown>;
			for (const [section, template] of Object.entries(authenticate.properties)) {
				if (template !== null && typeof template === 'object') {
					// headers / qs / body / auth: resolve every key and value into that section.
					if (target[section] === undefined || target[section] === null) {
						target[section] = {};
					}
					const targetSection = target[section] as Record<string, unknown>;
					for (const [key, value] of Object.entries(template as Record<string, unknown>)) {
						targetSection[String(resolve(key))] = resolve(value);
					}
				} else {
					target[section] = resolve(template);
				}
			}
		}

		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		const expirable = this.getCredentialsProperties(typeName).find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		if (credentials[expirable.name] !== '' && !credentialsExpired) {
			return undefined;
		}

		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) {
			return undefined;
		}

		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials) {
			const entry = this.getEntry(nodeCredentials, typeName);
			// Persist the fresh token, but keep fields the user stored as expressions.
			const toPersist: ICredentialDataDecryptedObject = { ...entry.data };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(entry.data[key])) {
					toPersist[key] = value;
				}
			}
			await this.updateCredentials(nodeCredentials, typeName, toPersist);
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.getCredentialType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const output = await preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const entry = this.getEntry(nodeCredentials, type);
		// n8n-core's Credentials encrypts with the instance key from N8N_USER_FOLDER.
		const credentials = new Credentials({ id: entry.id, name: entry.name }, type);
		await credentials.setData(deepCopy(entry.data));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		// Round-trip through n8n-core's Credentials (encrypt + decrypt) like the real store does.
		const decryptedOriginal = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) {
			return decryptedOriginal;
		}
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Stored data + property defaults (pinned hidden fields from the class), expressions resolved. */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);

		const storedData: ICredentialDataDecryptedObject = { ...decryptedOriginal };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((property) => property.name === field && property.type === 'hidden')) {
				delete storedData[field];
			}
		}

		let decrypted = (NodeHelpers.getNodeParameters(
			properties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) ?? {}) as ICredentialDataDecryptedObject;

		// Not a declared property, so getNodeParameters drops it: put the token response back.
		if (decryptedOriginal.oauthTokenData !== undefined) {
			decrypted.oauthTokenData = decryptedOriginal.oauthTokenData;
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decrypted = expressionResolveValues.workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				(error as Error).message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = new Workflow({
				nodes: [{ ...mockNode }],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decrypted = workflow.expression.getComplexParameterValue(
				mockNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}

		return decrypted;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.getEntry(nodeCredentials, type);
		entry.data = deepCopy(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		// Like the cli: only the token response is written back, the rest stays as stored.
		const entry = this.getEntry(nodeCredentials, type);
		entry.data = { ...entry.data, oauthTokenData: deepCopy(data.oauthTokenData) };
	}

	private getEntry(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const entry = this.stored.get(type);
		if (entry === undefined) {
			throw new UnexpectedError(`No test credential of type "${type}" is stored`, {
				tags: { credentialType: type },
			});
		}
		if (nodeCredentials.id !== null && nodeCredentials.id !== entry.id) {
			throw new UnexpectedError(
				`Credential "${nodeCredentials.id}" of type "${type}" not found (stored: "${entry.id}")`,
			);
		}
		return entry;
	}

	private resolveAuthenticateValue(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow | undefined,
		node: INode | undefined,
	): string {
		if (!isExpression(value)) return value;
		if (!workflow || !node) {
			throw new UnexpectedError(
				'Workflow and node are required for declarative credential authentication',
			);
		}
		const additionalKeys = { $credentials: credentials } as IWorkflowDataProxyAdditionalKeys;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}
}
