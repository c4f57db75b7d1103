// Node-type registry for the harness workflows, plus the tiny node that feeds input items.
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError } from 'n8n-workflow';

export const INPUT_NODE_TYPE = 'test.input';

/**
 * A node type whose execute() emits `items` (json only). It is the first node of every harness
 * workflow, so the node under test receives real input items with source/paired-item metadata
 * produced by the engine, as it would after a trigger or any other node in n8n.
 */
export function createInputNodeType(items: IDataObject[]): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: INPUT_NODE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Emits the harness input items',
		defaults: { name: 'Test Input' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [items.map((json) => ({ json: JSON.parse(JSON.stringify(json)) as IDataObject }))];
		},
	};
}

/** INodeTypes over a fixed map of type name → node type (plain or versioned). */
export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(types: Record<string, INodeType | IVersionedNodeType>) {
		this.types = { ...types };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new UnexpectedError(`Unknown node type "${nodeType}"`, { tags: { nodeType } });
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** The version a new node of this type gets in the editor (highest / default version). */
export function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) {
		return nodeType.currentVersion;
	}
	const { version, defaultVersion } = nodeType.description;
	if (defaultVersion !== undefined) return defaultVersion;
	return Array.isArray(version) ? Math.max(...version) : version;
}
