/** Argyle's API versions: v2, and v1 for clients still on the legacy API. */
export const API_VERSIONS = ['v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
