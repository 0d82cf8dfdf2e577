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
import { seenMessagesIn, storeSeenMessages } from './seen-messages';
import { DEFAULT_TRIGGER_SETTINGS } from './settings';

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
		const staticData = this.getWorkflowStaticData('node');
		const registrations = registrationsOf(staticData);
		const registration = registrationWithSecret(registrations, givenSecret);
		// Log lines name the workflow and node, never the URL or query: they hold the secret.
		const logContext = { workflowId: this.getWorkflow().id, nodeName: this.getNode().name };
		if (registration === undefined) {
			this.logger.debug('Wonotify Trigger refused a webhook call without the right secret', logContext);
			response.status(403).json({ status: 'error', message: 'Forbidden' });
			return { noWebhookResponse: true };
		}

		const body = await readWebhookBody(this);
		const receivedAtMs = Date.now();
		const settings = { ...readTriggerSettings(this, registration.instanceId), receivedAtMs };
		// Test listening ends after one event and n8n does not keep its static data: a message
		// sent again to test again should arrive, so repeats are only looked for in production.
		const seen =
			registration === registrations.test
				? undefined
				: seenMessagesIn(staticData, receivedAtMs, Number(settings.ignoreOlderThanMinutes ?? DEFAULT_TRIGGER_SETTINGS.ignoreOlderThanMinutes));
		const { items, ignored, answers = [] } = eventsToItems(body, settings, seen);
		// n8n saves static data after this call when it changed, for the next call, process or start.
		if (seen !== undefined) storeSeenMessages(staticData, seen);
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
		// Answered here, before n8n starts the execution: n8n saves changed static data when the
		// call is answered, and when it starts the execution first (its own onReceived answer) it
		// wraps the same static data anew, which clears the change mark, and the memory of the
		// messages just let through would be lost (measured in n8n 2.41).
		response.status(200).json({ message: 'Workflow was started' });
		return { noWebhookResponse: true, workflowData: [withFiles] };
	}
}
