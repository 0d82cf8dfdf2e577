import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { credentialTestMethods } from '../shared/credential-test';
import { executeItems, executeOnce } from './engine/execute-items';
import { sendAndWaitWebhook } from './send-and-wait/answer-webhook';
import { SEND_AND_WAIT_WEBHOOKS } from './send-and-wait/waiting-webhooks';
import { buildProperties, findOperation } from './resources';

export class Wonotify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wonotify',
		name: 'wonotify',
		icon: { light: 'file:../../icons/wonotify.svg', dark: 'file:../../icons/wonotify.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and manage WhatsApp instances with Wonotify',
		defaults: { name: 'Wonotify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Spelled out, not CREDENTIAL_NAME: n8n's lint finds a credential's test only in a literal.
		credentials: [{ name: 'wonotifyApi', required: true, testedBy: 'wonotifyApiTest' }],
		webhooks: SEND_AND_WAIT_WEBHOOKS,
		properties: buildProperties(),
	};

	// The credential's Test button: a declarative test can only fail on answers it lists, and a
	// wrong Base URL gives answers nobody can list (see credential-test.ts).
	methods = { credentialTest: credentialTestMethods };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const selected = findOperation(resource, operation);
		if (selected === undefined) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
		}
		if (selected.executeOnce !== undefined) return await executeOnce(this, selected.executeOnce);
		return [await executeItems(this, selected)];
	}

	// Send and Wait for Response: the person's tap on a link (or their form) resumes the execution.
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook(this);
	}
}
