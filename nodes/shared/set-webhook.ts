// set_webhook, which both nodes call: the trigger on activation and deactivation, the action
// node's Instance → Set Webhook.
import type { IDataObject } from 'n8n-workflow';

export const SET_WEBHOOK_ENDPOINT = 'set_webhook';

/** The query of set_webhook (besides the instance): the URL events go to, and whether they do. */
export function setWebhookQuery(webhookUrl: string, enable: boolean): IDataObject {
	return { webhook_url: webhookUrl, enable: enable ? 'true' : 'false' };
}
