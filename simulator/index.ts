// Local Argyle API simulator for e2e tests, benchmarks and `npm run dev`. See README.md in this folder.
export { ArgyleSimulator } from './simulator';
export { V1_EVENTS, V2_EVENTS } from './events';
export { ERROR_MESSAGES, DEFAULT_FAILED_CODE } from './fixtures';
export { SIGNATURE_HEADER } from './delivery';
export { decodeUserToken, USER_TOKEN_SECONDS, type UserTokenClaims } from './tokens';
export { DAILY_REPORT_LIMIT } from './routes/reports';
export type { FaultDescription } from './faults';
export type * from './types';
export { WebhookReceiver, request } from './testkit';
export type { ApiResponse, ReceivedRequest } from './testkit';
export { rawRequest } from './rawhttp';
export type { RawRequestOptions, RawResponse } from './rawhttp';
