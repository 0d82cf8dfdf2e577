import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withReachableWebhook } from '../../sending/gateway-reach';
import { requireHttpUrl } from '../../../shared/input-error';
import { SET_WEBHOOK_ENDPOINT, setWebhookQuery } from '../../../shared/set-webhook';
import { instanceOperation } from './instance-operation';

// set_webhook needs a valid webhook_url even with enable=false (the gateway answers "Webhook
// URL is not a valid URL" otherwise), but turning events off should not need a made-up URL
// from the user. This one is sent instead: the reserved .invalid domain never resolves, so
// nothing is ever delivered there, even if the webhook is switched on again in the dashboard.
// It is the API's need only: the output says there is no URL (null).
const EVENTS_OFF_WEBHOOK_URL = 'https://events-off.invalid/';

const webhookUrlField: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/orders',
};

/** What the user set: the typed URL, required while events are on; null when left empty with events off. */
function readWebhookSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): { webhookUrl: string | null; enabled: boolean } {
	const enabled = Boolean(context.getNodeParameter('enable', itemIndex, true));
	const typed = context.getNodeParameter('webhookUrl', itemIndex, '');
	const leftEmpty = !enabled && String(typed ?? '').trim() === '';
	return { webhookUrl: leftEmpty ? null : requireHttpUrl(webhookUrlField.displayName, typed), enabled };
}

// Refuses, when events are on, a private Webhook URL that a public gateway cannot post to.
export const setWebhook = withReachableWebhook(
	instanceOperation({
		value: 'setWebhook',
		name: 'Set Webhook',
		action: 'Set the webhook of an instance',
		description: 'Choose the URL that receives the events of the instance',
		endpoint: SET_WEBHOOK_ENDPOINT,
		examples: [
			{ parameters: { webhookUrl: 'https://n8n.example.com/webhook/orders', enable: true } },
			{ situation: 'events off, no URL', parameters: { webhookUrl: '', enable: false } },
		],
		fields: [
			{
				displayName:
					'An instance has one webhook. Setting it here replaces the one an active Wonotify Trigger registered; the Wonotify Trigger sets it for you on activation.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
			},
			{
				...webhookUrlField,
				required: true,
				description: 'Public address that receives the events; Wonotify must be able to reach it',
				displayOptions: { show: { enable: [true] } },
			},
			{
				...webhookUrlField,
				description: 'Leave empty to just stop the events',
				displayOptions: { show: { enable: [false] } },
			},
			{
				displayName: 'Enable',
				name: 'enable',
				type: 'boolean',
				default: true,
				description: 'Whether events are sent to the URL. Turn off to stop them.',
			},
		],
		query: (context, itemIndex) => {
			const { webhookUrl, enabled } = readWebhookSettings(context, itemIndex);
			return setWebhookQuery(webhookUrl ?? EVENTS_OFF_WEBHOOK_URL, enabled);
		},
		output: (context, response, instanceId, itemIndex) => {
			const { webhookUrl, enabled } = readWebhookSettings(context, itemIndex);
			return { json: { instanceId, status: 'success', webhookUrl, enabled, message: response.message ?? null, response } };
		},
	}),
	webhookUrlField.displayName,
);
