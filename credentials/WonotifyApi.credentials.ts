import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withAccessToken } from '../nodes/shared/token-placement';

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
		{
			displayName: 'Default Country Code',
			name: 'defaultCountryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 91',
			description:
				'Added to phone numbers written without a country code, e.g. 09876543210 or 9876543210 become 919876543210 with 91. Leave empty to require the country code in every number.',
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

	// No declarative `test`: n8n would use it before the nodes' `testedBy`. The Wonotify node's
	// credential test (nodes/shared/credential-test.ts) also tells a wrong Base URL from a
	// wrong token, which declarative rules cannot.
}
