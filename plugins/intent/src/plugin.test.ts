import { intentPlugin } from './plugin';

describe('intent', () => {
  it('should export plugin', () => {
    expect(intentPlugin).toBeDefined();
  });
});
