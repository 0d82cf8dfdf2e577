// Which n8n engine these integration tests ran on: the jest project sets N8N_ENGINE (the
// 2.x devDependencies, or the last n8n 1.x's engine). A mapping that silently fell back to
// the 2.x packages would make the 1.x run prove nothing; this test fails then.
import { engineUnderTest as N8N_ENGINE } from './engine-under-test';

test('n8n-core and n8n-workflow are the versions this project names, loaded from where it names', () => {
	expect(jest.requireActual<{ version: string }>('n8n-core/package.json').version).toBe(N8N_ENGINE['n8n-core']);
	expect(jest.requireActual<{ version: string }>('n8n-workflow/package.json').version).toBe(N8N_ENGINE['n8n-workflow']);
	if (N8N_ENGINE.dir !== undefined) {
		expect(require.resolve('n8n-core')).toContain(N8N_ENGINE.dir);
		expect(require.resolve('n8n-workflow')).toContain(N8N_ENGINE.dir);
	}
});
