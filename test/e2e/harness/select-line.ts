/**
 * jest setupFiles of the e2e projects: selects the project's n8n line (its `globals.ARGYLE_E2E_N8N`,
 * see jest.config.js) before any test imports the harness, which reads ARGYLE_E2E_N8N once.
 * jest gives every test file its own copy of process.env, so this never leaks into another project.
 */
const line = (globalThis as { ARGYLE_E2E_N8N?: unknown }).ARGYLE_E2E_N8N;
if (typeof line === 'string' && line !== '') process.env.ARGYLE_E2E_N8N = line;

export {};
