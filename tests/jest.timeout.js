// Integration, end-to-end and browser tests start real servers: give each test a minute.
jest.setTimeout(Number(process.env.JEST_TEST_TIMEOUT_MS ?? 60000));
