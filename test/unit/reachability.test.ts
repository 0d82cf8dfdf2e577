import {
	gatewayHostOf,
	isBeyondGatewayReach,
	isPrivateHost,
	unreachableWebhookProblem,
} from '../../nodes/shared/reachability';

const PUBLIC_GATEWAY = 'https://api.wonotify.com';

/** The hostname exactly as the nodes get it: through `new URL()`. */
function hostnameOf(url: string): string {
	return new URL(url).hostname;
}

describe('isPrivateHost', () => {
	// Each URL goes through new URL(), as in the nodes, so the test sees the hostname as
	// Node normalises it (e.g. "[::ffff:192.168.1.5]" becomes "[::ffff:c0a8:105]").
	it.each([
		['localhost', 'http://localhost/a.jpg'],
		['localhost with a trailing dot', 'http://localhost./a.jpg'],
		['localhost in upper case with a trailing dot', 'http://LOCALHOST./a.jpg'],
		['a *.localhost name', 'http://app.localhost/a.jpg'],
		['a *.localhost name with a trailing dot', 'http://app.localhost./a.jpg'],
		['a *.local name', 'http://printer.local/a.jpg'],
		['a *.local name with a trailing dot', 'http://printer.local./a.jpg'],
		['a *.internal name', 'http://host.docker.internal/a.jpg'],
		['a bare name', 'http://n8n:5678/a.jpg'],
		['a bare name with a trailing dot', 'http://n8n./a.jpg'],
		['0.0.0.0', 'http://0.0.0.0/a.jpg'],
		['127.0.0.1', 'http://127.0.0.1/a.jpg'],
		['127.x.y.z', 'http://127.45.6.7/a.jpg'],
		['127.0.0.1 with a trailing dot', 'http://127.0.0.1./a.jpg'],
		['127.0.0.1 written as a number', 'http://2130706433/a.jpg'],
		['10.x', 'http://10.1.2.3/a.jpg'],
		['172.16.x', 'http://172.16.0.1/a.jpg'],
		['172.31.x', 'http://172.31.255.255/a.jpg'],
		['192.168.x', 'http://192.168.1.5/a.jpg'],
		['169.254.x (link-local)', 'http://169.254.169.254/a.jpg'],
		['100.64.x (carrier-grade NAT, first)', 'http://100.64.0.1/a.jpg'],
		['100.127.x (carrier-grade NAT, last)', 'http://100.127.255.254/a.jpg'],
		['[::1]', 'http://[::1]/a.jpg'],
		['[::]', 'http://[::]/a.jpg'],
		['fc00::/7 (fc…)', 'http://[fc00::1]/a.jpg'],
		['fc00::/7 (fd…)', 'http://[fd12:3456:789a::1]/a.jpg'],
		['fe80::/10 (fe80…)', 'http://[fe80::1]/a.jpg'],
		['fe80::/10 (febf…)', 'http://[febf::1]/a.jpg'],
		['IPv4-mapped 192.168.1.5', 'http://[::ffff:192.168.1.5]/a.jpg'],
		['IPv4-mapped 192.168.1.5, in hex', 'http://[::ffff:c0a8:105]/a.jpg'],
		['IPv4-mapped 192.168.1.5, written out in full', 'http://[0:0:0:0:0:ffff:192.168.1.5]/a.jpg'],
		['IPv4-mapped 127.0.0.1', 'http://[::ffff:127.0.0.1]/a.jpg'],
		['IPv4-mapped 10.0.0.1', 'http://[::FFFF:10.0.0.1]/a.jpg'],
		['IPv4-mapped 169.254.169.254', 'http://[::ffff:169.254.169.254]/a.jpg'],
		['IPv4-mapped 0.0.0.0', 'http://[::ffff:0.0.0.0]/a.jpg'],
	])('%s (%s) is private', (_label, url) => {
		expect(isPrivateHost(hostnameOf(url))).toBe(true);
	});

	it.each([
		['8.8.8.8', 'http://8.8.8.8/a.jpg'],
		['2001:4860::1', 'http://[2001:4860::1]/a.jpg'],
		['[2001:4860:4860::8888]', 'http://[2001:4860:4860::8888]/a.jpg'],
		['example.com', 'https://example.com/a.jpg'],
		['example.com with a trailing dot', 'https://example.com./a.jpg'],
		['172.32.0.1 (just after 172.16.0.0/12)', 'http://172.32.0.1/a.jpg'],
		['172.15.255.255 (just before 172.16.0.0/12)', 'http://172.15.255.255/a.jpg'],
		['100.128.0.1 (just after 100.64.0.0/10)', 'http://100.128.0.1/a.jpg'],
		['100.63.255.255 (just before 100.64.0.0/10)', 'http://100.63.255.255/a.jpg'],
		['169.253.0.1', 'http://169.253.0.1/a.jpg'],
		['192.169.0.1', 'http://192.169.0.1/a.jpg'],
		['IPv4-mapped 8.8.8.8', 'http://[::ffff:8.8.8.8]/a.jpg'],
		['fec0:: (just after fe80::/10)', 'http://[fec0::1]/a.jpg'],
		['fb00:: (just before fc00::/7)', 'http://[fb00::1]/a.jpg'],
		['fc::1 (which is 00fc::1)', 'http://[fc::1]/a.jpg'],
		['fe8::1 (which is 0fe8::1)', 'http://[fe8::1]/a.jpg'],
		['a name ending in "localhost" without a dot', 'https://notlocalhost.com/a.jpg'],
		['a name starting with "localhost."', 'https://localhost.example.com/a.jpg'],
	])('%s (%s) stays public', (_label, url) => {
		expect(isPrivateHost(hostnameOf(url))).toBe(false);
	});

	it.each([
		['an IPv4-mapped address in dotted form', '::ffff:192.168.1.5', true],
		['the same in brackets', '[::ffff:192.168.1.5]', true],
		['an IPv4-mapped address in hex form', '::ffff:c0a8:105', true],
		['a public IPv4-mapped address in dotted form', '::ffff:8.8.8.8', false],
		['a public IPv4-mapped address in hex form', '::ffff:808:808', false],
		['localhost with a trailing dot', 'localhost.', true],
	])('also reads hostnames not written by new URL(): %s (%j → %j)', (_label, host, expected) => {
		expect(isPrivateHost(host)).toBe(expected);
	});
});

describe('isBeyondGatewayReach', () => {
	it.each([
		'http://localhost./a.jpg',
		'http://[::ffff:192.168.1.5]/a.jpg',
		'http://[::ffff:127.0.0.1]:5678/webhook/abc',
		'http://100.64.0.1/a.jpg',
		'http://[fe80::1]/a.jpg',
	])('a public gateway cannot reach %s', (url) => {
		expect(isBeyondGatewayReach(url, PUBLIC_GATEWAY)).toBe(true);
	});

	it.each(['https://example.com/a.jpg', 'http://8.8.8.8/a.jpg', 'http://[2001:4860::1]/a.jpg'])(
		'a public gateway can reach %s',
		(url) => {
			expect(isBeyondGatewayReach(url, PUBLIC_GATEWAY)).toBe(false);
		},
	);

	it.each(['http://localhost.:3000', 'http://[::ffff:10.0.0.2]:3000', 'http://192.168.1.10:3000'])(
		'a gateway on a private address (%s) may reach private URLs',
		(baseUrl) => {
			expect(isBeyondGatewayReach('http://[::ffff:192.168.1.5]/a.jpg', baseUrl)).toBe(false);
			expect(isBeyondGatewayReach('http://localhost./a.jpg', baseUrl)).toBe(false);
		},
	);

	it('leaves unparsable URLs to the checks that report them', () => {
		expect(isBeyondGatewayReach('not a url', PUBLIC_GATEWAY)).toBe(false);
		expect(isBeyondGatewayReach('http://localhost/a.jpg', 'not a url')).toBe(false);
	});
});

describe('gatewayHostOf', () => {
	it('names the host only, or the Base URL when it cannot be parsed', () => {
		expect(gatewayHostOf('https://api.wonotify.com/v1?token=secret')).toBe('api.wonotify.com');
		expect(gatewayHostOf('not a url')).toBe('the Base URL');
	});
});

describe('unreachableWebhookProblem', () => {
	it('explains how to fix a webhook URL on an IPv4-mapped private address', () => {
		const problem = unreachableWebhookProblem('http://[::ffff:192.168.1.5]:5678/webhook/abc', PUBLIC_GATEWAY);
		expect(problem).toContain('http://[::ffff:c0a8:105]:5678');
		expect(problem).toContain('api.wonotify.com');
		expect(problem).toContain('WEBHOOK_URL');
	});

	it('says nothing about a public webhook URL', () => {
		expect(unreachableWebhookProblem('https://n8n.example.com/webhook/abc', PUBLIC_GATEWAY)).toBeUndefined();
	});
});
