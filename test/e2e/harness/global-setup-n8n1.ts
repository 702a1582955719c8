/**
 * jest globalSetup of the `e2e-n8n1` project: global-setup.ts under another path, because jest runs
 * each globalSetup module once per path (with the config of the first project naming it); this one
 * gets e2e-n8n1's config, whose globals select n8n 1.x.
 */
export { default } from './global-setup';
