// Real Vagrant VMs on libvirt/QEMU. Needs .ci/setup-vagrant to have run first.
import base from './jest.config.js';
export default {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 30 * 60 * 1000,
};
