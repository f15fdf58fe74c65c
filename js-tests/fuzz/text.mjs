// Text inputs for the callback targets: real event XML (from the project's fixtures) and
// mutators that turn any text (XML, base64 ciphertext, query strings) into near-misses.
import { randomString } from './values.mjs';

const RECEIVER = 'ww0123456789abcdef';

/** Real event and message XML, as WeCom sends it (after decryption). */
export const EVENTS = [
  `<xml><ToUserName><![CDATA[${RECEIVER}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID><State><![CDATA[landing]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>`,
  `<xml>\n  <ToUserName><![CDATA[${RECEIVER}]]></ToUserName>\n  <FromUserName><![CDATA[sys]]></FromUserName>\n  <CreateTime>1403610513</CreateTime>\n  <MsgType><![CDATA[event]]></MsgType>\n  <Event><![CDATA[change_external_chat]]></Event>\n  <ChangeType><![CDATA[update]]></ChangeType>\n  <ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId>\n  <UpdateDetail><![CDATA[add_member]]></UpdateDetail>\n  <JoinScene>1</JoinScene>\n  <MemChangeCnt>2</MemChangeCnt>\n  <MemChangeList>\n    <Item><![CDATA[zhangsan]]></Item>\n    <Item>wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw</Item>\n  </MemChangeList>\n  <LastMemVer><![CDATA[9c3f97c2ada667dfb5f6d03308d963e1]]></LastMemVer>\n  <CurMemVer><![CDATA[71217227bbd112ecfe3a49c482195cb4]]></CurMemVer>\n</xml>`,
  `<xml><ToUserName><![CDATA[${RECEIVER}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>`,
  `<xml><ToUserName>${RECEIVER}</ToUserName><FromUserName>sys</FromUserName><CreateTime>not-a-time</CreateTime><MsgType>event</MsgType><Event>change_external_chat</Event><ChangeType>update</ChangeType><ChatId>wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA</ChatId><UpdateDetail>add_member</UpdateDetail><JoinScene>three</JoinScene><MemChangeCnt> 7 </MemChangeCnt><MemChangeList/></xml>`,
  `<xml><ToUserName><![CDATA[${RECEIVER}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event><Id><![CDATA[TAG_ID]]></Id><TagType><![CDATA[tag]]></TagType><ChangeType><![CDATA[shuffle]]></ChangeType><StrategyId>1</StrategyId></xml>`,
  `<xml><ToUserName><![CDATA[${RECEIVER}]]></ToUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[brand_new_event]]></Event><BrandNewField><![CDATA[kept]]></BrandNewField><Nested><A>1</A><B><![CDATA[x]]></B></Nested></xml>`,
];

/** The add_external_contact event (the "normal call" of parseEvent). */
export const ADD_EVENT = EVENTS[0];

const XML_BITS = [
  '<', '>', '</', '/>', '<![CDATA[', ']]>', ']]]]><![CDATA[>', '<!--', '-->', '<?xml version="1.0"?>', '<?pi x?>',
  '<!DOCTYPE xml [<!ENTITY e "x">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">', '&e;', '&amp;', '&lt;', '&#0;',
  '&#x110000;', '&#xD800;', '&#65;', '&', '<xml>', '</xml>', '<Event>', '</Event>', '<ChangeType>', '<CreateTime>',
  '<Item>', '<a b="c">', "<a b='\u0000'>", '<a:b xmlns:a="u">', '\u0000', '\uD800', '\uFEFF', '😀', '中', ' ', '\n',
];

/** A random XML-ish string built from tag fragments, entities and odd characters. */
export function randomXmlish(rng) {
  let s = rng.chance(0.5) ? '<xml>' : '';
  const n = rng.size(80);
  for (let i = 0; i < n; i++) s += rng.chance(0.7) ? rng.pick(XML_BITS) : randomString(rng, 20);
  return rng.chance(0.5) ? `${s}</xml>` : s;
}

/** XML nested `levels` deep, or with `count` sibling elements. */
export function bigXml(rng) {
  if (rng.chance(0.5)) {
    const levels = rng.pick([50, 200, 1000, 20000]);
    const tag = rng.pick(['a', 'Item', 'MemChangeList']);
    return `<xml>${`<${tag}>`.repeat(levels)}x${`</${tag}>`.repeat(levels)}</xml>`;
  }
  const count = rng.pick([100, 5000, 50000]);
  return `<xml>${`<Item${rng.chance(0.5) ? '' : rng.int(count)}><![CDATA[v]]></Item>`.repeat(count)}</xml>`;
}

/** One random edit of `text`: insert, delete, duplicate, replace, truncate, swap case, splice bits. */
export function mutateText(rng, text, alphabet) {
  const at = () => rng.int(text.length + 1);
  const bit = () => (alphabet && rng.chance(0.6) ? alphabet[rng.int(alphabet.length)] : rng.chance(0.5) ? rng.pick(XML_BITS) : randomString(rng, 12));
  switch (rng.int(9)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + bit() + text.slice(i);
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + text.slice(i + rng.size(40));
    }
    case 2: {
      const i = at();
      const j = Math.min(text.length, i + rng.size(60));
      return text.slice(0, j) + text.slice(i, j).repeat(rng.size(200)) + text.slice(j);
    }
    case 3: {
      const i = rng.int(Math.max(text.length, 1));
      return text.slice(0, i) + bit() + text.slice(i + 1);
    }
    case 4:
      return text.slice(0, at());
    case 5:
      return text.slice(at());
    case 6: {
      const i = at();
      return text.slice(0, i) + text.slice(i).toUpperCase();
    }
    case 7:
      return text.replace(/<!\[CDATA\[(.*?)\]\]>/, () => `<![CDATA[${randomString(rng, 100)}]]>`);
    default: {
      // Swap two halves: tags end up out of order.
      const i = at();
      return text.slice(i) + text.slice(0, i);
    }
  }
}

/** `text` after 1–`max` random edits. */
export function mutateTimes(rng, text, max = 4, alphabet) {
  let out = text;
  const n = rng.range(1, max);
  for (let i = 0; i < n; i++) out = mutateText(rng, out, alphabet);
  return out;
}

/** Base64's alphabet with the characters a decoder must refuse or handle. */
export const BASE64_ODD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n%.';
