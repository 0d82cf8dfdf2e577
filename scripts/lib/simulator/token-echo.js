'use strict';
// A gateway that echoes the access token back, in every encoding a PHP panel or the proxy in
// front of it may use: the client must mask all of them before it keeps any answer.

/** The token as each encoding writes it, keyed by the encoding's name. */
function tokenForms(token) {
	const nonAlnum = (entity) => [...token].map((c) => (/[A-Za-z0-9]/.test(c) ? c : entity(c))).join('');
	const named = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '/': '&sol;', '+': '&plus;', '=': '&equals;', '"': '&quot;' };
	return {
		raw: token,
		urlEncoded: encodeURIComponent(token),
		formEncoded: new URLSearchParams({ t: token }).toString().slice(2),
		urlEncodedTwice: encodeURIComponent(encodeURIComponent(token)),
		htmlNamed: nonAlnum((c) => named[c] ?? c),
		htmlDecimal: nonAlnum((c) => `&#${c.codePointAt(0)};`),
		htmlHex: nonAlnum((c) => `&#x${c.codePointAt(0).toString(16)};`),
		base64: Buffer.from(`access_token=${token}`).toString('base64'),
		base64url: Buffer.from(`token:${token}`).toString('base64url'),
	};
}

/** JSON as PHP's json_encode writes it: `/` as `\/`, everything outside ASCII as \uXXXX. */
function phpJson(value) {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A route's answer with a debug block that holds the token in every form (field names included). */
function withEchoedToken(answer, token) {
	const body = typeof answer === 'object' && answer !== null ? answer : { status: 'success', message: answer };
	return phpJson({ ...body, debug: { access_token: token, echoed: tokenForms(token) } });
}

/** A failure that quotes the token: a JSON error (HTTP 200) and, for `page`, an HTML error page. */
function echoedTokenError(token, { page }) {
	const forms = tokenForms(token);
	if (!page) {
		return phpJson({
			status: 'error',
			message: `Access token ${token} is not allowed for this instance (${forms.urlEncoded}, ${forms.htmlHex}, ${forms.base64})`,
			request: forms,
		});
	}
	const lines = Object.entries(forms).map(([name, form]) => `<p>${name}: ${form}</p>`);
	return `<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>\r\n${lines.join('\r\n')}\r\n</body></html>`;
}

module.exports = { tokenForms, phpJson, withEchoedToken, echoedTokenError };
