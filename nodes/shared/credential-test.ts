// The credential's Test button. It asks for a QR code without naming an instance: that changes
// nothing on the account, and the gateway checks the token before the instance, so a known
// token answers "Instance ID is required". Anything else at the Base URL (the website instead
// of its /api, a proxy's page, another API) answers differently and is reported as a wrong
// Base URL, naming it, instead of passing as it would on "any HTTP 200". A server that is down
// or busy (HTTP 429, 5xx) is reported as such: the Base URL may well be right.
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { withAccessToken } from './token-placement';
import { isHtml, messageOf } from './gateway-response';
import { redact } from './redaction';
import { credentialsFromData, isHttpBaseUrl, USUAL_BASE_URL } from './credentials';
import { describeConnectionFailure, errorCode, isServerBusyStatus, SERVER_BUSY_ADVICE } from './failure-wording';
import { DEFAULT_TIMEOUT_SECONDS, parseJsonObject } from './transport';

/**
 * The nodes' `methods.credentialTest`; a node using the credential names it in `testedBy`.
 * (A declarative `test` on the credential would win over it, so the credential has none.)
 */
export const credentialTestMethods = {
	async wonotifyApiTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		return await testWonotifyCredential(this, credential);
	},
};

export async function testWonotifyCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { accessToken, baseUrl } = credentialsFromData(credential.data ?? {});
	const result = await runTest(context, accessToken, baseUrl);
	// The gateway's own words are quoted in some messages, and a gateway may echo the token.
	return { ...result, message: redact(result.message, accessToken) };
}

async function runTest(
	context: ICredentialTestFunctions,
	accessToken: string,
	baseUrl: string,
): Promise<INodeCredentialTestResult> {
	if (!isHttpBaseUrl(baseUrl)) {
		return failed(`The Base URL "${baseUrl}" is not an http(s) address. ${USUAL_BASE_URL}`);
	}
	if (accessToken.trim() === '') {
		return failed('The Access Token is empty. Copy it from your Wonotify dashboard.');
	}
	const options = withAccessToken({ method: 'GET', url: `${baseUrl}/get_qrcode` }, accessToken);
	let response: { statusCode: number; body: unknown };
	try {
		// Credential tests get only the request helper (ICredentialTestFunctions has no
		// httpRequest). Full response and no throw on HTTP errors: every answer is judged here.
		response = (await context.helpers.request({
			method: options.method,
			uri: options.url,
			qs: options.qs,
			json: false,
			resolveWithFullResponse: true,
			simple: false,
			timeout: DEFAULT_TIMEOUT_SECONDS * 1000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// The client's error holds the request URL, token included: only its code is used.
		const { message, description } = describeConnectionFailure(errorCode(error), {
			where: `the Base URL "${baseUrl}"`,
			timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
			hasTimeoutOption: false,
		});
		return failed(`${message}. ${description}`);
	}
	return judgeTestAnswer(baseUrl, response.statusCode, response.body);
}

/** Whether the answer to get_qrcode without an instance is the gateway accepting the token. */
export function judgeTestAnswer(baseUrl: string, statusCode: number, body: unknown): INodeCredentialTestResult {
	// A server that is down or busy (a Cloudflare 502/521/522 during an outage) says nothing
	// about whether the Base URL is right.
	if (isServerBusyStatus(statusCode)) {
		return failed(`The Base URL "${baseUrl}" answered with HTTP ${statusCode}. ${SERVER_BUSY_ADVICE}`);
	}
	if (statusCode < 200 || statusCode >= 300) {
		return failed(
			`The Base URL "${baseUrl}" answered with HTTP ${statusCode}, so it is not the Wonotify API. ${USUAL_BASE_URL}`,
		);
	}
	if (typeof body === 'string' && isHtml(body)) {
		return failed(`The Base URL "${baseUrl}" answered with a web page, not like the Wonotify API. ${USUAL_BASE_URL}`);
	}
	const answer = parseJsonObject(body);
	if (answer === undefined || typeof answer.status !== 'string') return notTheGateway(baseUrl);
	const said = messageOf(answer);
	if (/access token does not exist/i.test(said)) {
		return failed('Wonotify does not know this access token. Copy it again from your Wonotify dashboard.');
	}
	if (/access token is required/i.test(said)) {
		return failed('Wonotify received no access token. Copy it again from your Wonotify dashboard.');
	}
	// Past the token check, the gateway complains about the missing instance.
	if (answer.status === 'error' && /instance id/i.test(said)) {
		return { status: 'OK', message: 'Connection successful!' };
	}
	if (answer.status === 'error' && said !== '') {
		return failed(`Wonotify at "${baseUrl}" answered: ${said}`);
	}
	return notTheGateway(baseUrl);
}

function notTheGateway(baseUrl: string): INodeCredentialTestResult {
	return failed(`The Base URL "${baseUrl}" did not answer like the Wonotify API. ${USUAL_BASE_URL}`);
}

function failed(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}
