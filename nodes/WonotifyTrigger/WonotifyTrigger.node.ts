import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialTestMethods } from '../shared/credential-test';
import { resumeWaitingExecutions } from './chat-answers';
import { eventsToItems } from './events';
import { readWebhookBody } from './request-body';
import { withMediaFiles } from './attach-media';
import { mediaSettingsOf, readTriggerSettings, triggerProperties } from './trigger-fields';
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
		// The same Test as the action node's: n8n asks whichever node it finds first.
		// Spelled out, not CREDENTIAL_NAME: n8n's lint finds a credential's test only in a literal.
		credentials: [{ name: 'wonotifyApi', required: true, testedBy: 'wonotifyApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties,
	};

	methods = { credentialTest: credentialTestMethods };

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
		// Log lines name the workflow and node, never the URL or query: they hold the secret.
		const logContext = { workflowId: this.getWorkflow().id, nodeName: this.getNode().name };
		if (registration === undefined) {
			this.logger.debug('Wonotify Trigger refused a webhook call without the right secret', logContext);
			response.status(403).json({ status: 'error', message: 'Forbidden' });
			return { noWebhookResponse: true };
		}

		const body = await readWebhookBody(this);
		const settings = readTriggerSettings(this, registration.instanceId);
		const { items, ignored, answers = [] } = eventsToItems(body, settings);
		if (answers.length > 0) await resumeWaitingExecutions(this, answers, logContext);
		if (ignored !== '') {
			// Filtered-out calls start no execution: the log is where "why did nothing run?" is answered.
			const what = items.length === 0 ? 'a webhook call' : 'part of a webhook call';
			this.logger.debug(`Wonotify Trigger ignored ${what}: ${ignored}`, logContext);
		}
		if (items.length === 0) {
			// The gateway ignores the answer; the reason helps whoever calls by hand.
			return { webhookResponse: { status: 'ignored', reason: ignored } };
		}
		// The options hold Download Media's settings too: read once, with the filters.
		const media = mediaSettingsOf(settings as IDataObject);
		const withFiles = media === undefined ? this.helpers.returnJsonArray(items) : await withMediaFiles(this, items, media);
		return { workflowData: [withFiles] };
	}
}
