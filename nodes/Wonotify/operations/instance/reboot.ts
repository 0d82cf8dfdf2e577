import { instanceOperation } from './instance-operation';

export const reboot = instanceOperation({
	value: 'reboot',
	name: 'Reboot',
	action: 'Reboot an instance',
	description: 'Log the instance out of WhatsApp Web; the phone must scan a new QR code',
	endpoint: 'reboot',
});
