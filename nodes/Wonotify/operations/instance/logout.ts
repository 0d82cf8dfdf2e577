import { isAlreadyLoggedOutAnswer } from '../../../shared/gateway-response';
import { instanceOperation } from './instance-operation';

// Logging out an instance that is already logged out leaves it as the user wanted it: the
// gateway's "logged out before" error becomes a success that says so.
export const logout = instanceOperation({
	value: 'logout',
	name: 'Log Out',
	action: 'Log out an instance',
	description: 'Log the WhatsApp account out of the instance; an instance already logged out is not an error',
	endpoint: 'logout',
	examples: [{ parameters: {} }, { situation: 'already logged out', parameters: {}, instance: 'notConnected' }],
	request: { acceptPlainText: true, acceptErrorAnswer: isAlreadyLoggedOutAnswer },
	output: (_context, response, instanceId) => ({
		json: {
			instanceId,
			status: 'success',
			alreadyLoggedOut: isAlreadyLoggedOutAnswer(response),
			message: response.message ?? null,
			response,
		},
	}),
});
