// The chaos suite: svcplan apply killed at every vagrant/virsh call against a stand-in hypervisor
// (test/chaos/README.md). Scenario files run side by side on Jest's workers.
import base from './jest.config.js';
export default {
  ...base,
  testMatch: ['<rootDir>/test/chaos/**/*.chaos.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 30 * 60 * 1000,
  maxWorkers: 2,
};
