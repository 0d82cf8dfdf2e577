import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { optionsCollection, readOptions, timeoutOption } from '../../fields/common-fields';
import type { WonotifyOperation } from '../../types';

export const create: WonotifyOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create an instance',
	description: 'Create an instance to connect a WhatsApp account to (then get its QR code and scan it)',
	properties: [
		{
			displayName:
				'Wonotify may hand back an instance that was created earlier and never scanned, instead of a new one.',
			name: 'createNotice',
			type: 'notice',
			default: '',
		},
		optionsCollection([timeoutOption]),
	],
	examples: [{ parameters: {} }],
	async prepare(context, itemIndex) {
		const { timeoutSeconds } = readOptions(context, itemIndex);
		return {
			request: { method: 'POST', endpoint: 'create_instance', body: {}, timeoutSeconds },
			toOutput: (ctx, response) => {
				if (typeof response.instance_id !== 'string' || response.instance_id === '') {
					throw new NodeApiError(ctx.getNode(), response as JsonObject, {
						message: 'Wonotify did not return an instance ID',
						description: 'The gateway answered "success" without one. Try again.',
						itemIndex,
					});
				}
				return {
					json: { instanceId: response.instance_id, status: 'success', message: response.message ?? null, response },
				};
			},
		};
	},
};
