// Every test in the repo, one run: unit and integration tests per project, then the
// end-to-end (separate processes over real NATS) and browser suites. `npm test` builds first.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projectConfigs = ['libs', 'apps', 'tests'].flatMap((dir) =>
  readdirSync(join(__dirname, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(__dirname, dir, entry.name, 'jest.config.js')))
    .map((entry) => `<rootDir>/${dir}/${entry.name}/jest.config.js`),
);

module.exports = {
  projects: projectConfigs,
  // One Mongo-wire server for the run (plain JS: it loads the built libs/testing).
  globalSetup: '<rootDir>/tests/jest.global-setup.js',
  globalTeardown: '<rootDir>/tests/jest.global-teardown.js',
};
