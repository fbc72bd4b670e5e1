import { describe, expect, it } from '@jest/globals';
import { Lent } from './lent.js';

class Greeting extends Lent<(name: string) => string> {
  protected readonly missing = 'No greeting has been lent';
  greet(name: string): string {
    return this.borrowed()(name);
  }
}

describe('something lent at start', () => {
  it('is refused loudly before it is lent, and used once it is', () => {
    const greeting = new Greeting();
    expect(() => greeting.greet('Sam')).toThrow('No greeting has been lent');
    greeting.lend((name) => `Hello ${name}`);
    expect(greeting.greet('Sam')).toBe('Hello Sam');
  });
});
