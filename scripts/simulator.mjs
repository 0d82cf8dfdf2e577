#!/usr/bin/env node
// `npm run simulator`: runs the Wonotify simulator (scripts/lib/simulator) so that anyone can try
// Wonotify workflows in n8n without a Wonotify account, and drives a running one from a
// second terminal (incoming messages, events, QR scans, state).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { DEFAULT_PORTS, SettingError, simulatorPort } = require('./lib/settings.cjs');
// The simulator's port for every command: --port, else WONOTIFY_SIM_PORT (as npm start reads
// it), else 5680.
const DEFAULT_PORT = DEFAULT_PORTS.simulator;

const USAGE = `Usage: npm run simulator -- [command] [options]

Commands:
  start       (default) run the simulator
                [--port 5680] [--latency ms] [--quota n] [--seed n] [--quiet]
  incoming    a WhatsApp text arrives: --from 919812345678 --text "Hi"
              or a file, encrypted as WhatsApp does it: --from 9198… --media image|voice|document
                [--file path [--mimetype type]] [--text caption]
                [--name "Ravi"] [--group 120363041234567890@g.us [--participant 9198…]]
                [--from-me] [--instance ID]
  tap         the person taps a button of the newest message sent to them:
                --from 919812345678 [--button Approve] (default: the first button)
                [--button-id ID] (taps a button with this ID instead: a copied one)
                [--group 1203…@g.us] [--instance ID]
  reply       the person replies to (quotes) the newest message sent to them:
                --from 919812345678 --text "Friday after 2 pm" [--message-id ID]
                [--group 1203…@g.us] [--instance ID]
  event       any webhook event: --name connection.update --data '{"connection":"open"}' [--instance ID]
  scan        "scan" the QR code of the newest unconnected instance [--instance ID]
  state       show instances, the messages sent, webhooks, recent requests [--json]
  help        this text

--port applies to every command (default: WONOTIFY_SIM_PORT, else ${DEFAULT_PORT}).
Media kinds without a sample of their own (sticker, video) need --file.`;

const OPTIONS = {
	port: { type: 'string' },
	latency: { type: 'string' },
	quota: { type: 'string' },
	seed: { type: 'string' },
	quiet: { type: 'boolean' },
	from: { type: 'string' },
	text: { type: 'string' },
	name: { type: 'string' },
	group: { type: 'string' },
	participant: { type: 'string' },
	'from-me': { type: 'boolean' },
	instance: { type: 'string' },
	data: { type: 'string' },
	json: { type: 'boolean' },
	media: { type: 'string' },
	file: { type: 'string' },
	mimetype: { type: 'string' },
	button: { type: 'string' },
	'button-id': { type: 'string' },
	'message-id': { type: 'string' },
	help: { type: 'boolean', short: 'h' },
};

// A problem to explain in one sentence, without a stack trace; UsageError adds the usage text.
class CliError extends Error {}
class UsageError extends CliError {}

// `npm run simulator incoming --from …` without the `--`: npm keeps the options for itself
// (as npm_config_from, …) and hands over only their values, which then look like commands.
const OPTIONS_NPM_WOULD_KEEP = Object.keys(OPTIONS).filter((name) => !['json', 'quiet', 'help'].includes(name));

function parse(argv) {
	const kept = OPTIONS_NPM_WOULD_KEEP.filter((name) => process.env[`npm_config_${name.replace('-', '_')}`] !== undefined);
	if (kept.length > 0) {
		throw new CliError(
			`npm kept --${kept.join(', --')} for itself: put -- after "npm run simulator", e.g.\n  npm run simulator -- incoming --from 919812345678 --text "Hi"`,
		);
	}
	try {
		return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
	} catch (error) {
		// node's wording ("To specify a positional argument starting with a '-'…") is for programmers.
		const unknown = /^Unknown option '([^']+)'/.exec(error.message);
		throw new UsageError(unknown ? `There is no option ${unknown[1]}.` : error.message);
	}
}

function integer(value, name, fallback) {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
	return number;
}

async function start(values, port) {
	const { startSimulator, SEEDED_INSTANCE, SEEDED_TOKEN } = require('./lib/simulator/index.js');
	let sim;
	try {
		sim = await startSimulator({
			port,
			latencyMs: integer(values.latency, 'latency', 0),
			quota: integer(values.quota, 'quota', Infinity),
			seed: integer(values.seed, 'seed', undefined),
			log: !values.quiet,
		});
	} catch (error) {
		if (error.code === 'EADDRINUSE') {
			throw new CliError(`Port ${port} is already in use: is a simulator already running? Pick another one with --port.`);
		}
		throw error;
	}
	const portFlag = port === DEFAULT_PORT ? '' : ` --port ${port}`;
	console.log(`
Wonotify simulator: a stand-in for the Wonotify gateway, on this computer only.

  Base URL      ${sim.baseUrl}
  Access Token  ${SEEDED_TOKEN}
  Instance ID   ${SEEDED_INSTANCE.id}  (connected as ${SEEDED_INSTANCE.phone}, "${SEEDED_INSTANCE.name}")

In n8n (running on this computer, not in Docker): create a "Wonotify API" credential with
these values and use the Wonotify nodes as usual. Nothing reaches WhatsApp: the requests
show up here. For incoming messages, activate a workflow that starts with the Wonotify
Trigger first (it registers its webhook here), then from another terminal:

  npm run simulator -- incoming --from 919812345678 --text "Hi"${portFlag}
  npm run simulator -- incoming --from 919812345678 --text "Hi all" --group 120363041234567890@g.us${portFlag}
  npm run simulator -- incoming --from 919812345678 --text "Typed on my own phone" --from-me${portFlag}
  npm run simulator -- tap --from 919812345678 --button Approve${portFlag}    (a button of the last message to them)
  npm run simulator -- reply --from 919812345678 --text "Friday"${portFlag}    (quotes the last message to them)
  npm run simulator -- event --name connection.update --data '{"connection":"close","lastDisconnect":{"error":{"output":{"statusCode":401}}}}'${portFlag}
  npm run simulator -- scan${portFlag}    (after Instance → Create and Get QR Code: the phone "scans" it)
  npm run simulator -- state${portFlag}
  curl '${sim.baseUrl}/reconnect?access_token=${SEEDED_TOKEN}&instance_id=${SEEDED_INSTANCE.id}'

Press Ctrl+C to stop.
`);
	const stop = async (signal) => {
		console.log(`\n${signal}: stopping the simulator…`);
		await sim.close();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

/** Calls a running simulator's /__sim control endpoint. */
async function control(port, method, path, body) {
	let response;
	try {
		response = await fetch(`http://127.0.0.1:${port}/__sim/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch {
		throw new CliError(
			`No simulator answers on port ${port}. If npm start (or npm run simulator) runs with another port, ` +
				'pass the same one here with --port or WONOTIFY_SIM_PORT; otherwise start one in another terminal with: ' +
				`npm run simulator${port === DEFAULT_PORT ? '' : ` -- --port ${port}`}`,
		);
	}
	return { status: response.status, data: await response.json() };
}

/** What a webhook POST's outcome means for someone running n8n. */
function reportDelivery({ status, data }) {
	if (status !== 200) throw new CliError(data.error ?? JSON.stringify(data));
	if (data.webhookUrl === null) {
		console.log(`Instance ${data.instanceId} is connected. ${data.note}`);
		return;
	}
	console.log(`${data.event ?? 'Event'} for instance ${data.instanceId} POSTed to ${data.webhookUrl}: HTTP ${data.status}`);
	if (data.status === 404) {
		console.log(
			'n8n does not know this webhook any more: activate the workflow again (a test URL only listens while "Listen for test event" waits).',
		);
	} else if (data.status >= 400) {
		console.log(`The webhook answered: ${String(data.body).slice(0, 300)}`);
	}
}

// The kinds scripts/lib/simulator/samples/ has a file for (the simulator's media.js KINDS).
const MEDIA_WITH_SAMPLES = ['image', 'voice', 'audio', 'document'];

async function incoming(values, port) {
	const media = values.media;
	if (!values.from || (values.text === undefined && media === undefined)) {
		throw new UsageError('incoming needs --from <number> and --text <text> (or --media image|voice|document|…)');
	}
	let file;
	if (media !== undefined && values.file === undefined && !MEDIA_WITH_SAMPLES.includes(media)) {
		throw new UsageError(`--media ${media} has no sample file: add --file with a file of your own, or use --media ${MEDIA_WITH_SAMPLES.join(', ')}.`);
	}
	if (values.file !== undefined) {
		if (media === undefined) throw new UsageError('--file needs --media (image, voice, document, …)');
		try {
			file = readFileSync(values.file).toString('base64');
		} catch (error) {
			throw new CliError(`Cannot read --file ${values.file}: ${error.message}`);
		}
	}
	reportDelivery(
		await control(port, 'POST', 'incoming', {
			instanceId: values.instance,
			from: values.from,
			text: values.text,
			// A caption for photos, videos and documents.
			caption: media === undefined ? undefined : values.text,
			media,
			file,
			fileName: values.file === undefined ? undefined : basename(values.file),
			mimetype: values.mimetype,
			pushName: values.name,
			group: values.group,
			participant: values.participant,
			fromMe: values['from-me'] ?? false,
		}),
	);
}

/** Who answers: the person, or a member of the group (`--from` then names the member). */
function answerer(values, what) {
	if (!values.from) throw new UsageError(`${what} needs --from <number> (the person who answers)`);
	const { instance: instanceId, from, group, name: pushName, participant } = values;
	return { instanceId, from, group, pushName, participant };
}

async function tap(values, port) {
	const body = { ...answerer(values, 'tap'), button: values.button, buttonId: values['button-id'] };
	reportDelivery(await control(port, 'POST', 'tap', body));
}

async function reply(values, port) {
	if (values.text === undefined) throw new UsageError('reply needs --text <your answer>');
	reportDelivery(await control(port, 'POST', 'reply', { ...answerer(values, 'reply'), text: values.text, messageId: values['message-id'] }));
}

async function event(values, port) {
	if (!values.name) throw new UsageError('event needs --name, e.g. --name connection.update');
	let data = null;
	if (values.data !== undefined) {
		try {
			data = JSON.parse(values.data);
		} catch {
			throw new UsageError(`--data must be JSON, e.g. '{"connection":"open"}'`);
		}
	}
	reportDelivery(await control(port, 'POST', 'event', { instanceId: values.instance, event: values.name, data }));
}

async function scan(values, port) {
	reportDelivery(await control(port, 'POST', 'scan', { instanceId: values.instance }));
}

async function state(values, port) {
	const { data } = await control(port, 'GET', 'state');
	if (values.json) {
		console.log(JSON.stringify(data, null, 2));
		return;
	}
	const time = (at) => new Date(at).toLocaleTimeString();
	console.log(`Simulator at ${data.baseUrl}: ${data.requestCount} API requests, latency ${data.latencyMs} ms`);
	console.log('\nInstances:');
	for (const i of data.instances) {
		const who = i.connected ? `connected as ${i.phone} "${i.name}"` : 'not connected (waiting for a scan)';
		const webhook = i.webhookUrl ? `${i.webhookUrl} (${i.webhookEnabled ? 'enabled' : 'disabled'})` : 'none';
		console.log(`  ${i.id}  ${who}, token ${i.token}, ${i.sentCount} sent\n    webhook: ${webhook}`);
	}
	if (data.lastMessagesSent.length > 0) {
		console.log('\nMessages sent to WhatsApp (newest last):');
		for (const m of data.lastMessagesSent) {
			const buttons = m.buttons.length > 0 ? ` [buttons: ${m.buttons.join(' | ')}]` : '';
			console.log(`  ${time(m.at)}  ${m.kind} to ${m.to}: ${JSON.stringify(m.text)}${buttons}`);
		}
	} else {
		console.log('\nNo messages sent yet.');
	}
	if (data.lastRequests.length > 0) {
		console.log('\nLast API requests:');
		for (const r of data.lastRequests) console.log(`  ${time(r.at)}  ${r.method} ${r.path}`);
	}
	if (data.lastDeliveries.length > 0) {
		console.log('\nLast webhook POSTs:');
		for (const d of data.lastDeliveries) {
			const what = d.about ? ` (${d.about})` : '';
			console.log(`  ${time(d.at)}  ${d.event}${what} → ${d.url}: ${d.error ? `failed (${d.error})` : `HTTP ${d.status}`}`);
		}
		if (data.lastDeliveries.some((d) => d.about?.startsWith('echo'))) {
			console.log(
				'  (WhatsApp reports every message the account sends as messages.upsert too, so a reply\n' +
					'   shows up twice: once sent, once echoed. The trigger ignores the echo: Ignore Own Messages.)',
			);
		}
	}
	if (data.pendingFailures.length > 0) {
		console.log('\nInjected failures waiting:');
		for (const f of data.pendingFailures) console.log(`  ${f.kind} ×${f.count}${f.path ? ` on ${f.path}` : ''}`);
	}
}

const COMMANDS = { start, incoming, tap, reply, event, scan, state };

async function main() {
	const { values, positionals } = parse(process.argv.slice(2));
	const command = positionals[0] ?? 'start';
	if (values.help || command === 'help') {
		console.log(USAGE);
		return;
	}
	if (!Object.hasOwn(COMMANDS, command) || positionals.length > 1) throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
	await COMMANDS[command](values, integer(values.port, 'port', simulatorPort()));
}

main().catch((error) => {
	if (error instanceof UsageError) {
		console.error(`${error.message}\n\n${USAGE}`);
	} else if (error instanceof CliError || error instanceof SettingError) {
		console.error(error.message);
	} else {
		console.error(error);
	}
	process.exitCode = 1;
});
