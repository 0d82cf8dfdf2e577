import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withAccessToken } from '../nodes/shared/access-token';

export class WonotifyApi implements ICredentialType {
	name = 'wonotifyApi';

	displayName = 'Wonotify API';

	icon: Icon = { light: 'file:../icons/wonotify.svg', dark: 'file:../icons/wonotify.dark.svg' };

	documentationUrl = 'https://github.com/wonotify/n8n-nodes-wonotify#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access token shown in your Wonotify dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://wonotify.com/api',
			required: true,
			description:
				'Address of the Wonotify API. Change it only if your provider serves the same API from another host.',
		},
		{
			displayName: 'Default Instance ID',
			name: 'instanceId',
			type: 'string',
			default: '',
			placeholder: '66F1C2A3B4D5E',
			description:
				'Used by every Wonotify node that leaves its Instance ID empty, so you do not have to type it in each node. One access token can own several instances.',
		},
	];

	// The gateway reads the token from the query string, or from the JSON body of POST requests.
	// Putting it in the body keeps it out of URLs (and so out of proxy logs) wherever it can be.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withAccessToken(requestOptions, credentials.accessToken as string);
	}

	// An instance call without an instance ID changes nothing on the account, and the gateway
	// checks the token first: a wrong token answers "Access token does not exist", a right one
	// "Instance ID is required" (both with HTTP 200, so the rules below read the message).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/get_qrcode',
			method: 'GET',
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Access token does not exist',
					message: 'Wonotify does not know this access token. Copy it again from your Wonotify dashboard.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Access token is required',
					message: 'The access token is empty.',
				},
			},
		],
	};
}
