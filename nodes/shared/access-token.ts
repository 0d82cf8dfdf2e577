import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Where the gateway wants the access token: POST sends take it in their JSON body, which
 * keeps it out of URLs and logs; calls documented with query parameters (all GETs, and
 * send_template even as a POST) take it in the query string. The credential's
 * `authenticate` and the node's transport both use this, so they cannot disagree.
 */
export function withAccessToken(requestOptions: IHttpRequestOptions, accessToken: string): IHttpRequestOptions {
	const { body, qs } = requestOptions;
	const hasJsonBody = requestOptions.method === 'POST' && typeof body === 'object' && body !== null;
	return {
		...requestOptions,
		...(hasJsonBody ? { body: { ...(body as object), access_token: accessToken } } : {}),
		...(!hasJsonBody || qs !== undefined ? { qs: { ...qs, access_token: accessToken } } : {}),
	};
}
