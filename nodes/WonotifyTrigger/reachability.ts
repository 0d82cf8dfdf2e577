// The gateway lives on the internet: a webhook URL on localhost or a private network is one
// it can never call. Registering it would "work" and then silently deliver nothing, so the
// trigger refuses to activate instead and says how to fix it.

/** Hosts only this machine or its private network can reach. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
		return true;
	}
	// A bare name (e.g. a Docker service called "n8n") only resolves inside its own network.
	if (!host.includes('.') && !host.includes(':')) return true;
	const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
	if (ipv4) {
		const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
		return (
			a === 0 ||
			a === 10 ||
			a === 127 ||
			(a === 100 && b >= 64 && b <= 127) ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168)
		);
	}
	if (host.includes(':')) {
		return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
	}
	return false;
}

function hostOf(url: string): string | undefined {
	return URL.canParse(url) ? new URL(url).hostname : undefined;
}

/**
 * Why the gateway behind `baseUrl` could not deliver to `webhookUrl`, or undefined when it
 * can. A gateway on a private address (a self-hosted panel, the simulator) may well reach
 * private webhook URLs, so only a public gateway with a private webhook is refused.
 */
export function unreachableWebhookProblem(webhookUrl: string, baseUrl: string): string | undefined {
	const webhookHost = hostOf(webhookUrl);
	const gatewayHost = hostOf(baseUrl);
	if (webhookHost === undefined || gatewayHost === undefined) return undefined;
	if (!isPrivateHost(webhookHost) || isPrivateHost(gatewayHost)) return undefined;
	return (
		`n8n's webhook URL (${new URL(webhookUrl).origin}) is a local or private address that Wonotify (${gatewayHost}) cannot reach. ` +
		"Set n8n's WEBHOOK_URL environment variable to n8n's public address (for example https://n8n.example.com/), restart n8n and activate the workflow again."
	);
}
