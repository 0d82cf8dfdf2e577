import { requireHttpUrl } from '../../input-error';
import { instanceOperation } from './instance-call';

export const setWebhook = instanceOperation({
	value: 'setWebhook',
	name: 'Set Webhook',
	action: 'Set the webhook of an instance',
	description: 'Choose the URL that receives the events of the instance',
	endpoint: 'set_webhook',
	fields: [
		{
			displayName:
				'An instance has one webhook. Setting it here replaces the one an active Wonotify Trigger registered; the Wonotify Trigger sets it for you on activation.',
			name: 'webhookNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/webhook/…',
			description: 'Public address that receives the events; Wonotify must be able to reach it',
		},
		{
			displayName: 'Enable',
			name: 'enable',
			type: 'boolean',
			default: true,
			description: 'Whether events are sent to the URL. Turn off to stop them.',
		},
	],
	query: (context, itemIndex) => ({
		webhook_url: requireHttpUrl('Webhook URL', context.getNodeParameter('webhookUrl', itemIndex)),
		enable: context.getNodeParameter('enable', itemIndex, true) ? 'true' : 'false',
	}),
	output: (context, response, instanceId, itemIndex) => ({
		json: {
			instanceId,
			status: 'success',
			webhookUrl: context.getNodeParameter('webhookUrl', itemIndex),
			enabled: context.getNodeParameter('enable', itemIndex, true),
			message: response.message ?? null,
			response,
		},
	}),
});
