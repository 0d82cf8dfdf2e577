import type { IWebhookDescription } from 'n8n-workflow';

/**
 * Where the answer links of Send and Wait for Response lead: n8n's waiting webhooks of this
 * node (GET for a tap, POST for a page's form), which exist only while an execution waits
 * (`restartWebhook`). n8n serves them itself; nothing is registered with Wonotify, so the node
 * has no webhook lifecycle (checkExists/create/delete) to go with them.
 */
export const SEND_AND_WAIT_WEBHOOKS: IWebhookDescription[] = (['GET', 'POST'] as const).map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));
