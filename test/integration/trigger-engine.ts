// Runs the Wonotify Trigger the way n8n does: its webhook methods (checkExists, create,
// delete) through n8n-core's real HookContext, and each incoming call through n8n-core's real
// WebhookContext, behind a real HTTP server on 127.0.0.1 that plays n8n's webhook endpoints
// (with n8n 2.41's body handling, see readBody). Static data is kept between "restarts" and
// between production calls the way n8n stores it with the workflow.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { parse as parseForm } from 'node:querystring';

import express from 'express';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, WebhookContext } from 'n8n-core';

import { WonotifyTrigger } from '../../nodes/WonotifyTrigger/WonotifyTrigger.node';
import { listenLocally } from './local-server';
import { testAdditionalData, TestNodeTypes, TRIGGER_NODE_TYPE } from './n8n-engine';

export const WEBHOOK_ID = '6d1c2f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const trigger = new WonotifyTrigger();

export interface Call {
	status: number;
	body: unknown;
}

export interface TriggerHost {
	/** n8n's base URL as the trigger sees it. */
	readonly url: string;
	readonly productionUrl: string;
	readonly testUrl: string;
	/** The items of every execution the trigger started, in order. */
	readonly executions: INodeExecutionData[][];
	/** Every line the trigger logged through n8n's logger, as `level: message {metadata}`. */
	readonly logs: string[];
	/**
	 * How n8n reads webhook bodies: `version 1` as n8n 2.41 does for this node (type version 1):
	 * every body read into `rawBody`, JSON, forms and plain text parsed. `later versions` as it
	 * does for node versions above 1: bodies of content types it cannot parse left unread.
	 */
	bodyReading: 'version 1' | 'later versions';
	/** The static data n8n would store with the workflow. */
	staticData: IDataObject;
	/** Whether the workflow counts as active (what `getWorkflow().active` answers). */
	active: boolean;
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	/** Calls one webhook method the way n8n's activation (or test listening) does. */
	hook(method: 'checkExists' | 'create' | 'delete', kind?: 'production' | 'test'): Promise<boolean>;
	/** n8n's activation: checkExists, then create unless it exists. */
	activate(kind?: 'production' | 'test'): Promise<void>;
	/** POSTs to the trigger's webhook as anyone on the internet could; a null content type sends none. */
	post(url: string, body: unknown, contentType?: string | null): Promise<Call>;
	close(): Promise<void>;
}

export async function startTriggerHost(options: {
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
}): Promise<TriggerHost> {
	const app = express();
	const { url, close } = await listenLocally(app);

	const host: TriggerHost = {
		url,
		productionUrl: `${url}/webhook/${WEBHOOK_ID}/webhook`,
		testUrl: `${url}/webhook-test/${WEBHOOK_ID}/webhook`,
		executions: [],
		logs: [],
		bodyReading: 'version 1',
		staticData: {},
		active: false,
		parameters: options.parameters,
		credentials: options.credentials,

		async hook(method, kind = 'production') {
			const { workflow, node } = buildWorkflow();
			const isTest = kind === 'test';
			const activation: WorkflowActivateMode = isTest ? 'manual' : 'activate';
			const context = new HookContext(
				workflow,
				node,
				testAdditionalData(host.credentials, url),
				isTest ? 'manual' : 'trigger',
				method === 'delete' ? 'update' : activation,
				webhookData(workflow, node, isTest),
			);
			try {
				return await trigger.webhookMethods.default[method].call(context);
			} finally {
				// n8n saves the static data after activation and deactivation.
				host.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			}
		},

		async activate(kind = 'production') {
			if (!(await host.hook('checkExists', kind))) await host.hook('create', kind);
		},

		async post(target, body, contentType = 'application/json') {
			const text = typeof body === 'string' ? body : JSON.stringify(body);
			// fetch gives a string body a text/plain type of its own; a Blob without a type gets none.
			const response = await fetch(target, {
				method: 'POST',
				headers: contentType === null ? {} : { 'content-type': contentType },
				body: contentType === null ? new Blob([text]) : text,
			});
			const answer = await response.text();
			let parsed: unknown = answer;
			try {
				parsed = JSON.parse(answer);
			} catch {
				// not JSON: keep the text
			}
			return { status: response.status, body: parsed };
		},

		close,
	};

	function buildWorkflow() {
		const node: INode = {
			id: 'trigger-1',
			name: 'Wonotify Trigger',
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: host.parameters as INode['parameters'],
			credentials: { wonotifyApi: { id: 'cred-1', name: 'Wonotify account' } },
		};
		const workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'trigger test',
			nodes: [node],
			connections: {},
			active: host.active,
			nodeTypes: new TestNodeTypes(),
			// What n8n loads from its database: a copy, as after a restart.
			staticData: JSON.parse(JSON.stringify(host.staticData)) as IDataObject,
			settings: {},
		});
		return { workflow, node };
	}

	function webhookData(workflow: Workflow, node: INode, isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: trigger.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: testAdditionalData(host.credentials, url),
			webhookId: WEBHOOK_ID,
			isTest,
		};
	}

	// n8n's logger, as n8n-core hands it to node contexts, recording into host.logs.
	const record =
		(level: string) =>
		(message: string, metadata?: object): void =>
			void host.logs.push(`${level}: ${message} ${JSON.stringify(metadata ?? {})}`);
	const recordingLogger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
	class RecordingWebhookContext extends WebhookContext {
		override get logger() {
			return recordingLogger as unknown as WebhookContext['logger'];
		}
	}

	// n8n's webhook body handling, from n8n 2.41 (n8n/dist/middlewares/body-parser.js, called by
	// parseRequestBody in n8n/dist/webhooks/webhook-helpers.js): the bytes are read lazily by
	// readRawBody() into rawBody; only application/json, x-www-form-urlencoded and text/plain
	// become req.body, anything else (text/html, none, …) leaves req.body unset. Unparsable
	// JSON is refused before the node runs. XML bodies are not modelled.
	const readBody: express.RequestHandler = async (req, res, next) => {
		const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
		req.contentType = contentType;
		req.readRawBody = async () => {
			if (req.rawBody !== undefined) return;
			if (req.destroyed || !req.readable) throw new Error('Request body stream was aborted or is not readable');
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			req.rawBody = Buffer.concat(chunks);
			req._body = true;
		};
		const parsable = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'];
		if (host.bodyReading === 'later versions' && !parsable.includes(contentType ?? '')) return next();
		await req.readRawBody();
		const text = req.rawBody.toString('utf8');
		const withoutBom = text.replace(/^\uFEFF/, '');
		if (text.length === 0) return next();
		if (contentType === 'application/json') {
			try {
				req.body = JSON.parse(withoutBom);
			} catch (error) {
				return void res.status(422).json({ message: `Failed to parse request body: ${(error as Error).message}` });
			}
		} else if (contentType === 'application/x-www-form-urlencoded') {
			req.body = parseForm(withoutBom);
		} else if (contentType === 'text/plain') {
			req.body = text;
		}
		next();
	};

	// n8n's webhook endpoint, reduced to what matters here: read the body, run webhook(),
	// start an execution with its items, answer as the node asked.
	for (const [prefix, isTest] of [
		['webhook', false],
		['webhook-test', true],
	] as const) {
		app.post(`/${prefix}/:webhookId/webhook`, readBody, async (req, res) => {
			if (req.params.webhookId !== WEBHOOK_ID) return void res.status(404).json({ message: 'not registered' });
			const { workflow, node } = buildWorkflow();
			const additionalData = { ...testAdditionalData(host.credentials, url), httpRequest: req, httpResponse: res };
			const context = new RecordingWebhookContext(workflow, node, additionalData, 'webhook', webhookData(workflow, node, isTest), [], null);
			let result: IWebhookResponseData;
			try {
				result = await trigger.webhook.call(context);
			} catch (error) {
				return void res.status(500).json({ message: (error as Error).message });
			}
			// n8n saves a production call's static data when the node changed it (live-webhooks.js:
			// saveStaticData checks __dataChanged); test listening keeps none.
			if (!isTest && (workflow.staticData as { __dataChanged?: boolean }).__dataChanged === true) {
				host.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			}
			if (result.workflowData) host.executions.push(result.workflowData[0]);
			if (result.noWebhookResponse) return;
			if (result.workflowData) return void res.status(200).json({ message: 'Workflow was started' });
			res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
		});
	}
	// A body that cannot be read: n8n answers it with an error and starts nothing; so does this host.
	// Express knows an error handler by its four parameters, so `_next` must stay.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
		res.status(400).json({ message: error.message });
	});

	return host;
}
