import type { IDataObject } from 'n8n-workflow';

import { jidToPhoneNumber } from '../../../shared/whatsapp-ids';
import { needsRescan, RESCAN_STEP } from '../../../shared/gateway-response';
import { instanceOperation } from './instance-operation';

// Reconnect doubles as the gateway's connection probe: "not connected, scan again" is an
// answer a workflow branches on (e.g. an hourly check that mails the QR code), not a failure.
// That covers every way the gateway says it (never scanned, logged out, session ended), as
// the errors' advice reads them; a "success" is always a connected account.
function isNotConnectedAnswer(response: IDataObject): boolean {
	return response.status !== 'success' && needsRescan(response);
}

export const reconnect = instanceOperation({
	value: 'reconnect',
	name: 'Reconnect',
	action: 'Reconnect an instance',
	description:
		'Restart the connection to WhatsApp Web after a disconnect; also tells whether the account is connected (connected, needsQrScan)',
	endpoint: 'reconnect',
	examples: [{ parameters: {} }, { situation: 'not connected', parameters: {}, instance: 'notConnected' }],
	request: { acceptErrorAnswer: isNotConnectedAnswer },
	output: (_context, response, instanceId) => {
		if (isNotConnectedAnswer(response)) {
			return {
				json: {
					instanceId,
					status: 'notConnected',
					connected: false,
					needsQrScan: true,
					phoneNumber: null,
					name: null,
					avatar: null,
					nextStep: RESCAN_STEP,
					response,
				},
			};
		}
		const account = (response.data ?? {}) as IDataObject;
		const accountId = typeof account.id === 'string' ? account.id : '';
		return {
			json: {
				instanceId,
				status: 'success',
				connected: true,
				needsQrScan: false,
				phoneNumber: jidToPhoneNumber(accountId) ?? null,
				name: account.name ?? null,
				avatar: account.avatar ?? null,
				nextStep: null,
				response,
			},
		};
	},
});
