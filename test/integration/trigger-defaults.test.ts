// The Wonotify Trigger's defaults and the bundled auto-reply example, with the parameters as
// n8n stores them: what starts an auto-reply and what must not (reactions, removed
// reactions, and in the example group chats, where an auto-reply would spam).
import type { IDataObject } from 'n8n-workflow';

import example from '../../examples/auto-reply.json';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';
import { startTriggerHost, type TriggerHost } from './trigger-engine';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;
const GROUP = '120363041234567890@g.us';
const TRIGGER_TYPE = 'n8n-nodes-wonotify.wonotifyTrigger';
let host: TriggerHost | undefined;

afterEach(async () => {
	await host?.close();
	host = undefined;
});

async function activeTrigger(parameters: IDataObject): Promise<TriggerHost> {
	// The example takes its instance from the credential's Default Instance ID.
	host = await startTriggerHost({ parameters, credentials: credentialsFor(ctx.sim, { instanceId: INSTANCE }) });
	await host.activate();
	return host;
}

function reactionFrom(remoteJid: string, emoji: string, participant?: string) {
	return {
		type: 'notify',
		messages: [
			{
				key: { remoteJid, fromMe: false, id: `3AREACT${emoji === '' ? 'OFF' : 'ON'}`, ...(participant ? { participant } : {}) },
				messageTimestamp: Math.floor(Date.now() / 1000),
				pushName: 'Ravi',
				message: { reactionMessage: { key: { remoteJid, fromMe: true, id: '3EB0A1B2C3D4E5F60718' }, text: emoji } },
			},
		],
	};
}

const texts = (trigger: TriggerHost) => trigger.executions.map((items) => items.map((item) => item.json.text));

describe('the auto-reply example', () => {
	const exampleTrigger = example.nodes.find((node) => node.type === TRIGGER_TYPE);

	test('sets Group Messages to Ignore and leaves the other options at their defaults', () => {
		expect(exampleTrigger?.parameters).toEqual({
			events: ['messageReceived'],
			simplify: true,
			options: { groupMessages: 'ignore' },
		});
	});

	test('answers private texts, and nothing in groups, no reactions and no removed reactions', async () => {
		const trigger = await activeTrigger(exampleTrigger?.parameters as IDataObject);
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'in a group', group: GROUP, participant: '919812345678@s.whatsapp.net' });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', '👍'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', ''));
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Hi, price?' });
		expect(texts(trigger)).toEqual([['Hi, price?']]);
		expect(trigger.logs).toEqual([
			expect.stringContaining('ignored a webhook call: group message'),
			expect.stringContaining('ignored a webhook call: reaction'),
			expect.stringContaining('ignored a webhook call: reaction'),
		]);
	});
});

describe('a trigger with every option left at its default', () => {
	test('ignores reactions and removed reactions, in private chats and groups', async () => {
		const trigger = await activeTrigger({ events: ['messageReceived'], simplify: true, options: {} });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', '👍'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', ''));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom(GROUP, '', '919812345678@s.whatsapp.net'));
		expect(trigger.executions).toHaveLength(0);
	});

	test('still takes group messages (Group Messages: Include)', async () => {
		const trigger = await activeTrigger({ events: ['messageReceived'], simplify: true, options: {} });
		await ctx.sim.emitIncomingText(INSTANCE, { from: '919812345678', text: 'Team?', group: GROUP, participant: '919812345678@s.whatsapp.net' });
		expect(texts(trigger)).toEqual([['Team?']]);
	});

	test('gives reactions, a removal with an empty text, when Ignore Reactions is turned off', async () => {
		const trigger = await activeTrigger({ events: ['messageReceived'], simplify: true, options: { ignoreReactions: false } });
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', '👍'));
		await ctx.sim.emitEvent(INSTANCE, 'messages.upsert', reactionFrom('919812345678@s.whatsapp.net', ''));
		expect(trigger.executions.map((items) => items.map((item) => [item.json.type, item.json.text]))).toEqual([
			[['reaction', '👍']],
			[['reaction', '']],
		]);
	});
});
