// A gateway on the internet can never reach an address on localhost or a private network:
// not a webhook URL to call (registering it would "work" and then deliver nothing), not a
// media URL to download. Both nodes refuse such addresses up front and say how to fix it.

/** Hosts only this machine or its private network can reach. */
export function isPrivateHost(hostname: string): boolean {
	// "localhost." is "localhost": one trailing dot only marks the name as fully qualified.
	const host = unmapIpv4(hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, ''));
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
		return true;
	}
	// A bare name (e.g. a Docker service called "n8n") only resolves inside its own network.
	if (!host.includes('.') && !host.includes(':')) return true;
	const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
	if (ipv4) {
		const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
		return (
			a === 0 || // "this network", 0.0.0.0 included
			a === 10 ||
			a === 127 || // loopback
			(a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT, 100.64.0.0/10
			(a === 169 && b === 254) || // link-local
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168)
		);
	}
	if (host.includes(':')) {
		// Loopback, unspecified, unique local (fc00::/7) and link-local (fe80::/10). The first
		// group must have all 4 digits: "fc::1" is 00fc::1, not a unique local address.
		return host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
	}
	return false;
}

/**
 * An IPv4-mapped IPv6 address (`::ffff:192.168.1.5`) reaches the IPv4 address it maps, so it
 * is checked as that address. `new URL()` writes it in hex (`[::ffff:c0a8:105]`); the dotted
 * form is accepted too, for hostnames that did not come through `new URL()`.
 */
function unmapIpv4(host: string): string {
	const mapped = /^::ffff:(?:(\d{1,3}(?:\.\d{1,3}){3})|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(host);
	if (!mapped) return host;
	if (mapped[1] !== undefined) return mapped[1];
	const [high, low] = [parseInt(mapped[2], 16), parseInt(mapped[3], 16)];
	return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function hostOf(url: string): string | undefined {
	return URL.canParse(url) ? new URL(url).hostname : undefined;
}

/**
 * Whether the gateway behind `baseUrl` certainly cannot reach `url`. A gateway on a private
 * address (a self-hosted panel, the simulator) may well reach private URLs on its own
 * network, so only a public gateway with a private URL counts. Unparsable URLs are left to
 * the checks that report them.
 */
export function isBeyondGatewayReach(url: string, baseUrl: string): boolean {
	const host = hostOf(url);
	const gatewayHost = hostOf(baseUrl);
	if (host === undefined || gatewayHost === undefined) return false;
	return isPrivateHost(host) && !isPrivateHost(gatewayHost);
}

/** The gateway's host, to name it in errors (never the whole Base URL). */
export function gatewayHostOf(baseUrl: string): string {
	return hostOf(baseUrl) ?? 'the Base URL';
}

/** Why the gateway behind `baseUrl` could not deliver to `webhookUrl`, or undefined when it can. */
export function unreachableWebhookProblem(webhookUrl: string, baseUrl: string): string | undefined {
	if (!isBeyondGatewayReach(webhookUrl, baseUrl)) return undefined;
	return (
		`n8n's webhook URL (${new URL(webhookUrl).origin}) is a local or private address that Wonotify (${gatewayHostOf(baseUrl)}) cannot reach. ` +
		"Set n8n's WEBHOOK_URL environment variable to n8n's public address (for example https://n8n.example.com/), restart n8n and activate the workflow again."
	);
}
