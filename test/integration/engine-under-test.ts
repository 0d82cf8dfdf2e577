// The n8n engine the running jest project maps n8n-core/n8n-workflow to (see jest.config.js),
// for the few expectations that differ between n8n 1.x and 2.x.
declare const N8N_ENGINE: { 'n8n-core': string; 'n8n-workflow': string; dir?: string };

export const engineUnderTest = N8N_ENGINE;
export const onN8n1x = N8N_ENGINE['n8n-core'].startsWith('1.');
