import { describe, expect, it } from '@jest/globals';
import { SerialPass } from './serial-pass.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SerialPass', () => {
  it('runs one pass at a time, and exactly one more for any number of wakes during a pass', async () => {
    let passes = 0;
    let release!: () => void;
    const pass = new SerialPass(
      () => {
        passes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    const first = pass.wake();
    await tick();
    void pass.wake();
    void pass.wake();
    void pass.wake();
    expect([passes, pass.busy]).toEqual([1, true]);
    release();
    await tick();
    expect(passes).toBe(2);
    release();
    await first;
    expect([passes, pass.busy]).toEqual([2, false]);
  });

  it('reports a failed pass and runs again at the next wake', async () => {
    const failures: unknown[] = [];
    let passes = 0;
    const pass = new SerialPass(
      () => (++passes === 1 ? Promise.reject(new Error('database away')) : Promise.resolve()),
      (error) => failures.push(error),
    );
    await pass.wake();
    await pass.wake();
    expect([passes, failures.map((e) => (e as Error).message)]).toEqual([2, ['database away']]);
  });

  it('starts nothing once stopped, and waits for the pass under way', async () => {
    let passes = 0;
    let release!: () => void;
    const pass = new SerialPass(
      () => {
        passes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    void pass.wake();
    await tick();
    void pass.wake();
    let stopped = false;
    const stopping = pass.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    release();
    await stopping;
    await pass.wake();
    expect(passes).toBe(1);
  });
});
