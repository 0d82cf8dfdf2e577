import { instanceOperation } from './instance-operation';

export const reset = instanceOperation({
	value: 'reset',
	name: 'Reset',
	action: 'Reset an instance',
	description: 'Log out, delete all data of the instance and invalidate its ID',
	endpoint: 'reset_instance',
	fields: [
		{
			displayName:
				'Destructive: Reset logs the WhatsApp account out, deletes the instance\'s data and <b>changes its instance ID</b>, so workflows using the old ID stop working. Wonotify returns no new ID: run Instance → Create, scan the new QR code, and set the webhook again (re-activate Wonotify Trigger workflows).',
			name: 'resetNotice',
			type: 'notice',
			default: '',
		},
	],
	output: (_context, response, instanceId) => ({
		json: {
			instanceId,
			status: 'success',
			message: response.message ?? null,
			instanceIdValid: false,
			nextStep: 'Create a new instance, scan its QR code and set its webhook again.',
			response,
		},
	}),
});
