import type { IHttpRequestOptions } from 'n8n-workflow';

// The one POST documented with its access token in the query string. Every other POST
// (send, send_group, create_instance) takes the token in its JSON body.
const TOKEN_IN_QUERY_POSTS = /\/send_template\/?(?:[?#]|$)/;

/**
 * Where the gateway wants the access token: POSTs with a JSON body take it in the body,
 * which keeps it out of URLs and so out of proxy and gateway access logs; calls documented
 * with query parameters (all GETs, and send_template even as a POST) take it in the query
 * string. A query string a POST needs for another reason (send_group's `group_id`) does not
 * pull the token into the URL. The credential's `authenticate` and the node's transport both
 * use this, so they cannot disagree.
 */
export function withAccessToken(requestOptions: IHttpRequestOptions, accessToken: string): IHttpRequestOptions {
	const { body, qs } = requestOptions;
	const hasJsonBody = requestOptions.method === 'POST' && typeof body === 'object' && body !== null;
	const inQuery = !hasJsonBody || TOKEN_IN_QUERY_POSTS.test(requestOptions.url);
	return {
		...requestOptions,
		...(hasJsonBody ? { body: { ...(body as object), access_token: accessToken } } : {}),
		...(inQuery ? { qs: { ...qs, access_token: accessToken } } : {}),
	};
}
