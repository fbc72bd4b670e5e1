import { describe, expect, it } from '@jest/globals';
import { LiveFollowers } from './live-followers.js';
import { LiveStream } from './live-stream.js';

describe('the streams following each key', () => {
  it('holds a stream under its key until it closes, and forgets a key nobody follows', () => {
    const followers = new LiveFollowers<LiveStream<string>>();
    const a = followers.add('case-1', (onClose) => new LiveStream<string>(onClose));
    const b = followers.add('case-1', (onClose) => new LiveStream<string>(onClose));
    const c = followers.add('case-2', (onClose) => new LiveStream<string>(onClose));
    expect([...followers.of('case-1')]).toEqual([a, b]);
    expect([...followers.keys()]).toEqual(['case-1', 'case-2']);
    expect(followers.streamCount).toBe(3);

    a.close();
    expect([...followers.of('case-1')]).toEqual([b]);
    b.close();
    expect(followers.has('case-1')).toBe(false);
    expect([...followers.of('case-1')]).toEqual([]);
    expect(followers.size).toBe(1);

    followers.closeAll();
    expect(c.closed).toBe(true);
    expect(followers.size).toBe(0);
    expect(followers.streamCount).toBe(0);
  });
});
