/**
 * unit: code alone (some start the sandbox); contract: the node against the sandbox over real
 * HTTP; e2e: a real n8n (one at a time). test/ mirrors the source tree below each of them.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: { warnOnly: false } }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'contract',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
		},
	],
};
