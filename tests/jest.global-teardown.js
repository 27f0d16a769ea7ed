module.exports = require('@arogyam/testing/dist/jest-global-teardown').default;
