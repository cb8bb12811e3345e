// onAbortOf: the one listener many calls share on a caller's signal (transport.ts hears aborts through it).
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbortOf } from '../src/signals.js';

describe('onAbortOf', () => {
  it('holds one listener for any number of subscribers, and none once they unsubscribe', () => {
    const controller = new AbortController();
    const offs = Array.from({ length: 20 }, () => onAbortOf(controller.signal, () => undefined));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const off of offs) off();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    onAbortOf(controller.signal, () => undefined);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
  });

  it('calls every subscriber still listening once, including when one unsubscribes another while being called', () => {
    const controller = new AbortController();
    const heard: string[] = [];
    let offC = () => {};
    const offA = onAbortOf(controller.signal, () => {
      heard.push('a');
      offA();
    });
    onAbortOf(controller.signal, () => {
      heard.push('b');
      offC();
    });
    offC = onAbortOf(controller.signal, () => heard.push('c'));
    const offD = onAbortOf(controller.signal, () => heard.push('d'));
    offD();
    controller.abort('stop');
    expect(heard).toEqual(['a', 'b']);
    controller.abort('again');
    expect(heard).toEqual(['a', 'b']);
  });

  it('calls at once, and adds nothing, for a signal that is already aborted', () => {
    const signal = AbortSignal.abort('gone');
    let calls = 0;
    const off = onAbortOf(signal, () => calls++);
    expect(calls).toBe(1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    off();
    expect(calls).toBe(1);
  });
});
