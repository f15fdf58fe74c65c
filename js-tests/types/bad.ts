// Exactly one deliberate type error (types.test.mjs expects TS2322 on the `type: 3` line):
// a contact-way type must be 1 or 2.
import { WeComClient } from 'wecom-external-contact';

const client = new WeComClient({ corpId: 'ww1', corpSecret: 'secret' });

export const pending = client.addContactWay({
  type: 3, // EXPECTED-ERROR
  scene: 2,
  user: ['zhangsan'],
});
