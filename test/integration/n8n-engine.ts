// Runs our nodes inside n8n's real execution engine: n8n-core's WorkflowExecute with an
// n8n-workflow Workflow, the real node execution contexts and the real HTTP helpers. What a
// running n8n adds around them (the credentials store, loaded node types) is provided here
// as small in-memory classes, the way n8n's own node test harness does it.
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { WonotifyApi } from '../../credentials/WonotifyApi.credentials';
import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { WonotifyTrigger } from '../../nodes/WonotifyTrigger/WonotifyTrigger.node';

export const NODE_TYPE = 'n8n-nodes-wonotify.wonotify';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-wonotify.wonotifyTrigger';

const nodeTypesByName: Record<string, INodeType> = {
	[NODE_TYPE]: new Wonotify(),
	[TRIGGER_NODE_TYPE]: new WonotifyTrigger(),
};
const credentialTypes: Record<string, ICredentialType> = { wonotifyApi: new WonotifyApi() };

export class TestNodeTypes implements INodeTypes {
	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = nodeTypesByName[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** Holds decrypted credentials in memory and applies a credential type's `authenticate`. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate !== 'function') throw new Error(`No authenticate function for ${typeName}`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

export interface RunNodeOptions {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** On Error "Continue (using error output)": n8n splits success and error items. */
	errorOutput?: boolean;
	/** n8n's address (its WEBHOOK_URL), from which the engine builds links such as signed file links. */
	n8nUrl?: string;
}

export interface NodeRun {
	/** The node's output items (empty when it failed); with errorOutput, its success output. */
	items: INodeExecutionData[];
	/** With errorOutput: the items n8n routed to the error output. */
	errorItems: INodeExecutionData[];
	/** The error the node failed with, as n8n stores it in the execution. */
	error?: IRun['data']['resultData']['error'];
	run: IRun;
}

/** A Wonotify node as a saved workflow holds it, with its credential. */
export function wonotifyNode(parameters: IDataObject, id = 'node-1'): INode {
	return {
		id,
		name: 'Wonotify',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { wonotifyApi: { id: 'cred-1', name: 'Wonotify account' } },
	};
}

/** Executes one Wonotify node on the given input items, exactly as a workflow run would. */
export async function runWonotifyNode(options: RunNodeOptions): Promise<NodeRun> {
	const node: INode = {
		...wonotifyNode(options.parameters),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'execution-1', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));

	const additionalData = { ...testAdditionalData(options.credentials, options.n8nUrl), hooks };

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null }],
		},
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData.Wonotify?.[0];
	const [items, errorItems] = taskData?.data?.main ?? [];
	return { items: items ?? [], errorItems: errorItems ?? [], error: run.data.resultData.error, run };
}

/** What a running n8n hands to node contexts, for an n8n reachable at `n8nUrl`. */
export function testAdditionalData(
	credentials: ICredentialDataDecryptedObject,
	n8nUrl = 'http://127.0.0.1:5678',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ wonotifyApi: credentials }),
		executionId: 'execution-1',
		restApiUrl: `${n8nUrl}/rest`,
		instanceBaseUrl: `${n8nUrl}/`,
		formWaitingBaseUrl: `${n8nUrl}/form-waiting`,
		webhookBaseUrl: `${n8nUrl}/webhook`,
		webhookWaitingBaseUrl: `${n8nUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${n8nUrl}/webhook-test`,
		variables: {},
		currentNodeParameters: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}
