// The request driver: runs a call's steps in plain JS around fetch. Every decision (validation,
// which token, retry once on a rejected token, the typed error) is the engine's; this only
// sequences its synchronous steps, which costs far less per call than Rust futures do.
import { WeComUsageError } from './errors.js';

export function installRequestDriver(wasm) {
  const send = wasm.__send();
  const transports = new WeakMap();

  async function request(endpoint, payload) {
    const id = this.__begin(endpoint, payload);
    try {
      let transport = transports.get(this);
      if (transport === undefined) {
        transport = this.__transport;
        transports.set(this, transport);
      }
      for (;;) {
        let next = this.__next(id);
        if (next === undefined) {
          await this.__refresh(id);
          next = this.__next(id);
          if (next === undefined) throw new WeComUsageError('the client was freed during the call', { code: 'E_USAGE' });
        }
        let reply;
        try {
          reply = await send(transport[0], next[1], next[0], next[2], transport[1]);
        } catch (e) {
          throw this.__fail(id, e);
        }
        if (this.__judge(id, reply[0], reply[1], reply[2]) === 0) return reply[1];
      }
    } finally {
      this.__end(id);
    }
  }

  Object.defineProperty(wasm.WeComClient.prototype, 'request', { value: request, writable: true, configurable: true });
}
