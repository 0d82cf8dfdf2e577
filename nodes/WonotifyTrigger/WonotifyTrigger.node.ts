import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsToItems } from './events';
import { readTriggerSettings, triggerProperties } from './trigger-fields';
import { isRegistered, register, registrationsOf, registrationWithSecret, unregister } from './registration';
import { SECRET_QUERY_PARAMETER } from './secret';

export class WonotifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wonotify Trigger',
		name: 'wonotifyTrigger',
		icon: { light: 'file:../../icons/wonotify.svg', dark: 'file:../../icons/wonotify.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Instance " + ($parameter["instanceId"] || "from credential")}}',
		description: 'Starts the workflow when a WhatsApp message or event arrives through Wonotify',
		defaults: { name: 'Wonotify Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wonotifyApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isRegistered();
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const givenSecret = (this.getQueryData() as Record<string, unknown>)[SECRET_QUERY_PARAMETER];
		const registration = registrationWithSecret(registrationsOf(this.getWorkflowStaticData('node')), givenSecret);
		if (registration === undefined) {
			response.status(403).json({ status: 'error', message: 'Forbidden' });
			return { noWebhookResponse: true };
		}

		const { items, ignored } = eventsToItems(this.getBodyData(), readTriggerSettings(this, registration.instanceId));
		if (items.length === 0) {
			// The gateway ignores the answer; the reason helps whoever reads n8n's logs or calls by hand.
			return { webhookResponse: { status: 'ignored', reason: ignored } };
		}
		return { workflowData: [this.helpers.returnJsonArray(items as IDataObject[])] };
	}
}
