// Plays n8n's /webhook-waiting/ endpoint for a Wonotify node waiting in Send and Wait for
// Response: a real HTTP server on 127.0.0.1 whose requests run the node's webhook() through
// n8n-core's real WebhookContext. Bodies are read as n8n reads them: urlencoded forms parsed,
// multipart forms handed over as { data, files }. What n8n does before (checking the link's
// signature, finding the waiting execution) is not played here: resume-links.ts checks the
// signatures, the end-to-end tests the rest.
import express from 'express';
import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { WebhookContext } from 'n8n-core';

import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { listenLocally } from './local-server';
import { testAdditionalData, TestNodeTypes, wonotifyNode } from './n8n-engine';

const wonotify = new Wonotify();

export interface WaitingWebhookHost {
	readonly url: string;
	/** The items each answer resumed the execution with, in order. */
	readonly resumed: INodeExecutionData[][];
	/** The waiting node's parameters, as saved in the workflow. */
	parameters: IDataObject;
	close(): Promise<void>;
}

/** n8n hands a multipart form to the node as { data: fields, files }. */
const readMultipart: express.RequestHandler = async (req, _res, next) => {
	if (!req.is('multipart/form-data')) return next();
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
	const data: IDataObject = {};
	form.forEach((value, name) => {
		if (typeof value === 'string') data[name] = value;
	});
	req.body = { data, files: {} };
	next();
};

export async function startWaitingWebhookHost(parameters: IDataObject): Promise<WaitingWebhookHost> {
	const app = express();
	const { url, close } = await listenLocally(app);
	const host: WaitingWebhookHost = { url, resumed: [], parameters, close };

	app.all('/webhook-waiting/:executionId/:nodeId', express.urlencoded({ extended: false }), readMultipart, async (req, res) => {
		const node = wonotifyNode(host.parameters, req.params.nodeId as string);
		const workflow = new Workflow({ id: 'wf', name: 'send and wait', nodes: [node], connections: {}, active: true, nodeTypes: new TestNodeTypes(), settings: {} });
		const webhookDescription = wonotify.description.webhooks?.find((webhook) => webhook.httpMethod === req.method);
		if (webhookDescription === undefined) return void res.status(405).send('no webhook for this method');
		const additionalData = { ...testAdditionalData({}, url), httpRequest: req, httpResponse: res };
		const webhookData = { httpMethod: req.method as 'GET' | 'POST', node: node.name, path: node.id, webhookDescription, workflowId: workflow.id, workflowExecuteAdditionalData: additionalData };
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		let result: IWebhookResponseData;
		try {
			result = await wonotify.webhook.call(context);
		} catch (error) {
			return void res.status(500).send((error as Error).message);
		}
		if (result.workflowData) host.resumed.push(result.workflowData[0]);
		if (!result.noWebhookResponse) res.status(200).send(result.webhookResponse);
	});
	return host;
}
