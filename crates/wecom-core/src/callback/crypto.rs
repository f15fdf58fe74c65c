//! WXBizMsgCrypt (being written).
