// The add_contact_way payloads both validators see (the very same objects).

/**
 * What an admin form for a temporary-chat 「联系我」 QR code submits: every section filled,
 * Chinese text, a closing message with text + link card. Breaks no rule.
 */
export const validPayload = {
  type: 1,
  scene: 2,
  remark: '门店导购-张三（上海徐汇店）',
  skip_verify: true,
  state: 'store_sh_xuhui_2024q3',
  user: ['zhangsan'],
  is_temp: true,
  expires_in: 86400,
  chat_expires_in: 172800,
  unionid: 'oAmockunionid_0123456789abcdef',
  is_exclusive: false,
  mark_source: true,
  conclusions: {
    text: { content: '感谢您的咨询！本次会话已结束，如需继续了解会员权益，请点击下方链接或添加门店企业微信。祝您购物愉快～' },
    link: {
      title: '会员中心 · 领取新人礼包',
      picurl: 'https://example.com/static/member-center/cover-520x416.png',
      desc: '新会员首单立减 20 元，积分可抵现，门店与线上通用。',
      url: 'https://example.com/member/center?from=contact_way&store=sh_xuhui',
    },
  },
};

/**
 * The same form with five mistakes, one rule each:
 *  - remark of 42 CJK characters (R-CW-04, max 30 characters)
 *  - two members for type 1 (R-CW-07, exactly one)
 *  - is_temp false but expires_in given (R-CW-11, only with is_temp)
 *  - is_temp false but conclusions given (R-CW-14, only with is_temp)
 *  - conclusions.link.title of 53 CJK characters = 159 bytes (R-CW-20, max 128 bytes)
 */
export const invalidPayload = {
  type: 1,
  scene: 2,
  remark: '门店导购张三上海徐汇店会员专属服务通道欢迎添加好友咨询新品优惠活动与会员积分兑换规则',
  skip_verify: true,
  state: 'store_sh_xuhui_2024q3',
  user: ['zhangsan', 'lisi'],
  is_temp: false,
  expires_in: 86400,
  is_exclusive: false,
  mark_source: true,
  conclusions: {
    text: { content: '感谢您的咨询！本次会话已结束，如需继续了解会员权益，请点击下方链接或添加门店企业微信。祝您购物愉快～' },
    link: {
      title: '会员中心领取新人礼包新会员首单立减二十元积分可抵现门店与线上通用活动时间有限先到先得欢迎转发给亲朋好友一起',
      picurl: 'https://example.com/static/member-center/cover-520x416.png',
      desc: '新会员首单立减 20 元，积分可抵现，门店与线上通用。',
      url: 'https://example.com/member/center?from=contact_way&store=sh_xuhui',
    },
  },
};

/** The rule ids the invalid payload breaks, in the order the SDK lists them. */
export const invalidRules = ['R-CW-04', 'R-CW-07', 'R-CW-11', 'R-CW-14', 'R-CW-20'];
