// Registering n8n's webhook URL on the gateway when the workflow is activated (or test
// listening starts) and removing it again. What was registered, with its secret, lives in
// the node's static data, which n8n stores with the workflow.
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pickInstanceId } from '../shared/instance-id';
import { InputError } from '../shared/input-error';
import { getWonotifyCredentials } from '../shared/credentials';
import { SET_WEBHOOK_ENDPOINT, setWebhookQuery } from '../shared/set-webhook';
import { wonotifyRequest } from '../shared/transport';
import { unreachableWebhookProblem } from '../shared/reachability';
import { newSecret, secretMatches, withSecret } from './secret';

export interface Registration {
	/** n8n's webhook URL without the secret. */
	webhookUrl: string;
	instanceId: string;
	secret: string;
}

/** Production and test listening use different n8n URLs, and so separate registrations. */
export interface RegistrationData {
	production?: Registration;
	test?: Registration;
}

export function registrationsOf(staticData: IDataObject): RegistrationData {
	return staticData as RegistrationData;
}

/**
 * The registration whose secret a webhook call brings, if any. n8n does not tell a webhook
 * call whether it came in on the test or the production URL, so both are tried.
 */
export function registrationWithSecret(data: RegistrationData, givenSecret: unknown): Registration | undefined {
	return [data.production, data.test].find(
		(registration) => registration !== undefined && secretMatches(givenSecret, registration.secret),
	);
}

async function setWebhook(context: IHookFunctions, registration: Registration, enable: boolean): Promise<void> {
	await wonotifyRequest(context, {
		method: 'GET',
		endpoint: SET_WEBHOOK_ENDPOINT,
		qs: { instance_id: registration.instanceId, ...setWebhookQuery(withSecret(registration.webhookUrl, registration.secret), enable) },
		// The secret is in webhook_url, and a proxy's error page may echo the request URL.
		redact: [registration.secret],
	});
}

function currentWebhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (url === undefined) throw new NodeOperationError(context.getNode(), 'n8n did not provide a webhook URL');
	return url;
}

/**
 * The gateway has no call that reads the current webhook, so whether our URL is still the
 * one registered (and not replaced in the dashboard or by another workflow since) cannot be
 * checked. Reporting "not registered" makes n8n call `create` on every activation, which
 * registers the same URL and secret again: set_webhook is idempotent. (Where n8n keeps active
 * webhooks across its own restarts without calling these methods, the gateway keeps its
 * webhook too, and the secret in static data stays valid: test/e2e/trigger.suite.mjs.)
 */
export async function isRegistered(): Promise<boolean> {
	return false;
}

function triggerInstanceId(context: IHookFunctions, defaultInstanceId: string): string {
	try {
		return pickInstanceId(context.getNodeParameter('instanceId', ''), defaultInstanceId);
	} catch (error) {
		const hint = error instanceof InputError ? error.hint : undefined;
		throw new NodeOperationError(context.getNode(), (error as Error).message, { description: hint });
	}
}

export async function register(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = currentWebhookUrl(this);
	const { baseUrl, instanceId: defaultInstanceId } = await getWonotifyCredentials(this);
	const instanceId = triggerInstanceId(this, defaultInstanceId);
	const problem = unreachableWebhookProblem(webhookUrl, baseUrl);
	if (problem !== undefined) {
		throw new NodeOperationError(this.getNode(), 'Wonotify cannot reach this n8n', { description: problem });
	}

	const kind = this.getActivationMode() === 'manual' ? 'test' : 'production';
	const data = registrationsOf(this.getWorkflowStaticData('node'));
	if (kind === 'test' && this.getWorkflow().active && data.production === undefined) {
		// Test listening takes the instance's one webhook; without the production
		// registration at hand it could not be put back afterwards.
		throw new NodeOperationError(this.getNode(), 'Listening for a test event would stop this active workflow', {
			description:
				'An instance has one webhook, and this workflow is active on it. Deactivate the workflow to test, or test a copy of it with another instance.',
		});
	}
	const previous = data[kind];
	// Keeping the secret across re-registrations (n8n restarts) keeps calls already on
	// their way valid; a new URL or instance gets a new secret.
	const secret =
		previous?.webhookUrl === webhookUrl && previous.instanceId === instanceId ? previous.secret : newSecret();
	const registration: Registration = { webhookUrl, instanceId, secret };
	await setWebhook(this, registration, true);
	data[kind] = registration;
	return true;
}

/**
 * Disables what `create` registered. When test listening ends and the production
 * registration is in static data, the test URL had replaced it on the instance (an instance
 * has one webhook): it is put back instead of leaving the active workflow deaf. Where n8n
 * starts test listening with empty static data, the node cannot know; it turns the webhook
 * off, and the node's notice asks users to activate the workflow again after testing (the
 * end-to-end test of test listening shows which case a given n8n is).
 */
export async function unregister(this: IHookFunctions): Promise<boolean> {
	const data = registrationsOf(this.getWorkflowStaticData('node'));
	const webhookUrl = currentWebhookUrl(this);
	const { production, test } = data;
	if (production?.webhookUrl === webhookUrl) {
		delete data.production;
		await setWebhook(this, production, false);
		return true;
	}
	delete data.test;
	if (production !== undefined) await setWebhook(this, production, true);
	if (test !== undefined && test.instanceId !== production?.instanceId) await setWebhook(this, test, false);
	return true;
}
