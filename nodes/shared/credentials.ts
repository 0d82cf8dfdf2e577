// The Wonotify API credential as the nodes read it: its fields, tidied, read once per
// execution context.
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

export const CREDENTIAL_NAME = 'wonotifyApi';
/** What the Base URL should be, for every error that blames it. */
export const USUAL_BASE_URL = 'It usually is https://wonotify.com/api (ending with /api).';

export type WonotifyContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface WonotifyCredentials {
	accessToken: string;
	baseUrl: string;
	instanceId: string;
	/** Added to phone numbers written without a country code; '' when not set. */
	defaultCountryCode: string;
}

// n8n decrypts a credential on every getCredentials call (a database read and a decryption):
// per item and per request that dominated the cost of a send. One read per execution context
// is enough; the map holds nothing once n8n drops the context, so nothing outlives an
// execution (queue-mode workers share nothing here).
const credentialsOfContext = new WeakMap<object, Promise<WonotifyCredentials>>();

export async function getWonotifyCredentials(context: WonotifyContext): Promise<WonotifyCredentials> {
	let credentials = credentialsOfContext.get(context);
	if (credentials === undefined) {
		credentials = readCredentials(context);
		credentialsOfContext.set(context, credentials);
		// A failed read is not kept: the next call tries again and reports its own error.
		credentials.catch(() => credentialsOfContext.delete(context));
	}
	return await credentials;
}

async function readCredentials(context: WonotifyContext): Promise<WonotifyCredentials> {
	return credentialsFromData(await context.getCredentials(CREDENTIAL_NAME));
}

/** The credential's fields as the nodes and the credential test use them. */
export function credentialsFromData(data: ICredentialDataDecryptedObject): WonotifyCredentials {
	return {
		accessToken: String(data.accessToken ?? ''),
		baseUrl: String(data.baseUrl ?? '').trim().replace(/\/+$/, ''),
		instanceId: String(data.instanceId ?? '').trim(),
		defaultCountryCode: String(data.defaultCountryCode ?? '').trim(),
	};
}

/** Whether the Base URL can be requested at all (http or https with a host). */
export function isHttpBaseUrl(baseUrl: string): boolean {
	return /^https?:\/\/[^\s/]+/i.test(baseUrl);
}
