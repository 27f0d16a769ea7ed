module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'pdf',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
