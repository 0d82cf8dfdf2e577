import { NodeOperationError } from 'n8n-workflow';

import { instanceOperation } from './instance-operation';

export const getQrCode = instanceOperation({
	value: 'getQrCode',
	name: 'Get QR Code',
	action: 'Get the QR code of an instance',
	description: 'Get the QR code to scan with the phone (WhatsApp → Linked Devices), as JSON and as a PNG image',
	endpoint: 'get_qrcode',
	// The gateway has a QR code only for an instance whose phone has not scanned one.
	examples: [{ parameters: {}, instance: 'notConnected' }],
	fields: [
		{
			displayName:
				'Scan the QR code within about 5 minutes: an unscanned code expires and the instance ID then becomes invalid. The connection result arrives at the Wonotify Trigger as a Connection Update.',
			name: 'qrNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Output QR Code as Image',
			name: 'asImage',
			type: 'boolean',
			default: true,
			description: 'Whether to add the QR code as a PNG file, to view it in n8n or attach it to an email',
		},
		{
			displayName: 'Put Image in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			displayOptions: { show: { asImage: [true] } },
			description: 'The name of the output binary field to put the PNG in',
		},
	],
	output: async (context, response, instanceId, itemIndex) => {
		const dataUrl = typeof response.base64 === 'string' ? response.base64 : '';
		const base64 = dataUrl.replace(/^data:image\/\w+;base64,/, '');
		if (base64 === '') {
			throw new NodeOperationError(context.getNode(), 'Wonotify returned no QR code', {
				itemIndex,
				description: 'The instance may already be connected. Check it with Instance → Reconnect.',
			});
		}
		const json = { instanceId, status: 'success', message: response.message ?? null, qrCode: dataUrl };
		if (!context.getNodeParameter('asImage', itemIndex, true)) return { json };
		const binaryPropertyName = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		const image = await context.helpers.prepareBinaryData(
			Buffer.from(base64, 'base64'),
			`wonotify-qr-${instanceId}.png`,
			'image/png',
		);
		return { json, binary: { [binaryPropertyName]: image } };
	},
});
