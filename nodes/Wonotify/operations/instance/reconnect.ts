import type { IDataObject } from 'n8n-workflow';

import { jidToPhoneNumber } from '../../../shared/whatsapp-ids';
import { instanceOperation } from './instance-call';

export const reconnect = instanceOperation({
	value: 'reconnect',
	name: 'Reconnect',
	action: 'Reconnect an instance',
	description: 'Restart the connection to WhatsApp Web after a disconnect; also tells whether the account is connected',
	endpoint: 'reconnect',
	output: (_context, response, instanceId) => {
		const account = (response.data ?? {}) as IDataObject;
		const accountId = typeof account.id === 'string' ? account.id : '';
		return {
			json: {
				instanceId,
				status: 'success',
				connected: true,
				phoneNumber: jidToPhoneNumber(accountId) ?? null,
				name: account.name ?? null,
				avatar: account.avatar ?? null,
				response,
			},
		};
	},
});
