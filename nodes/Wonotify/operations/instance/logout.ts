import { instanceOperation } from './instance-call';

export const logout = instanceOperation({
	value: 'logout',
	name: 'Logout',
	action: 'Log out an instance',
	description: 'Log the WhatsApp account out of the instance',
	endpoint: 'logout',
	request: { acceptPlainText: true },
});
