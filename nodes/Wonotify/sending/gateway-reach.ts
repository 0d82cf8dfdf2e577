// URLs the gateway itself has to reach: a media file it downloads, a webhook it posts events
// to. A gateway on the internet can never reach localhost or a private network, so such a URL
// is refused before anything is sent (no half-sent batch, no webhook that silently gets
// nothing). A self-hosted gateway on the same network may reach it: the check depends on the
// credential's Base URL.
import { mediaFields } from '../fields/common-fields';
import { InputError } from '../../shared/input-error';
import { getWonotifyCredentials } from '../../shared/credentials';
import type { WonotifyRequest } from '../../shared/transport';
import type { WonotifyOperation } from '../types';

import { gatewayHostOf, isBeyondGatewayReach } from '../../shared/reachability';

/** The URL in a request that the gateway must reach, the field it came from, and what the gateway does with it. */
interface GatewayTarget {
	url: unknown;
	field: string;
	action: string;
	hint: string;
}

/** `operation`, refusing in prepare() a target URL (if any) that the gateway cannot reach. */
function withGatewayReach(
	operation: WonotifyOperation,
	targetOf: (request: WonotifyRequest) => GatewayTarget,
): WonotifyOperation {
	return {
		...operation,
		async prepare(context, itemIndex) {
			const call = await operation.prepare(context, itemIndex);
			if (!('request' in call)) return call;
			const { url, field, action, hint } = targetOf(call.request);
			// Read once per execution and cached: no credential read per item.
			const { baseUrl } = await getWonotifyCredentials(context);
			if (typeof url === 'string' && isBeyondGatewayReach(url, baseUrl)) {
				throw new InputError(
					field,
					`"${url}" is a local or private address that Wonotify (${gatewayHostOf(baseUrl)}) cannot ${action}`,
					hint,
				);
			}
			return call;
		},
	};
}

/**
 * A media operation: Wonotify downloads the Media URL itself. n8n's own link to a binary file
 * is sent even when private (a gateway on the same network can fetch it): the output warns
 * instead (binary-file.ts).
 */
export function withReachableMedia(operation: WonotifyOperation): WonotifyOperation {
	const checked = withGatewayReach(operation, (request) => ({
		url: request.body?.media_url,
		field: mediaFields[0].displayName,
		action: 'download from',
		hint: 'Wonotify fetches the file over the internet. Put the file at a public address (for example a public link from your cloud storage) and use that URL.',
	}));
	return {
		...checked,
		async prepare(context, itemIndex) {
			const fromBinary = context.getNodeParameter('fileSource', itemIndex, 'url') === 'binary';
			return await (fromBinary ? operation : checked).prepare(context, itemIndex);
		},
	};
}

/** Set Webhook: Wonotify posts the instance's events to the Webhook URL (checked while events are on). */
export function withReachableWebhook(operation: WonotifyOperation, field: string): WonotifyOperation {
	return withGatewayReach(operation, (request) => ({
		url: request.qs?.enable === 'true' ? request.qs.webhook_url : undefined,
		field,
		action: 'send events to',
		hint: "Use an address the internet can reach, e.g. n8n's public address (its WEBHOOK_URL) for an n8n webhook.",
	}));
}
