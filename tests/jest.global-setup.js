module.exports = require('@arogyam/testing/dist/jest-global-setup').default;
