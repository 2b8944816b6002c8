/**
 * Retrieve a test's page was unavailable: GET /v3/tests/{testId} is inferred from REST
 * convention beside the documented /v3/tests/{testId}/settings (reference §3.2).
 */
export const testPath = (testId: number): string => `/v3/tests/${testId}`;
