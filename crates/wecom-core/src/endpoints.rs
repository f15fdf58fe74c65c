//! THE endpoint table: one line per endpoint. Everything else (validation entry points, the JS
//! methods, the TypeScript `EndpointMap`, the endpoint docs, the light [`ROUTES`] table the wasm
//! engine calls with) is derived from it.
//!
//! To add an endpoint: declare its request/response models in `models/`, then add one line here.

use std::marker::PhantomData;

use crate::models::*;
use crate::schema::Model;

/// HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Parameters go in the query string.
    Get,
    /// Parameters go in a JSON body.
    Post,
}

impl Method {
    /// `"GET"` / `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// How an endpoint pages: the first page is the caller's payload; each next page is the same
/// payload with the `request` member set to the previous answer's `response` member. Paging stops
/// when that member is absent or `""` (for [`Paging::Offset`], also when a page has no items); a
/// value that was already used is an error ([`crate::Error::PaginationLoop`]), never a loop.
/// See [`crate::paging::Pager`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// An opaque cursor string: `cursor` in, `next_cursor` out, e.g. `externalcontact/list_contact_way`
    /// (doc 92228: 「分页查询，调用时填写上次返回的 next_cursor」).
    Cursor {
        /// The request member that carries the cursor (`cursor`).
        request: &'static str,
        /// The response member with the next page's cursor (`next_cursor`).
        response: &'static str,
        /// The response member with the page's items (an array of objects).
        items: &'static str,
    },
    /// A numeric offset: `offset` in, `next_offset` out (e.g. the group chat statistics,
    /// `externalcontact/groupchat/statistic`; no endpoint of the table uses it yet); a page
    /// without items ends the iteration too.
    Offset {
        /// The request member that carries the offset (`offset`).
        request: &'static str,
        /// The response member with the next page's offset (`next_offset`).
        response: &'static str,
        /// The response member with the page's items (an array of objects).
        items: &'static str,
    },
    /// Page numbers that switch to a cursor: `page_id` (from 0) × `page_size` pages while
    /// `page_id × page_size` stays under `limit`, or `cursor` in, `next_cursor` out, e.g.
    /// `externalcontact/get_unassigned_list` (doc 92124: 「page_id 分页查询，要查询页号，从0开始」,
    /// 「当page_id * page_size >= 50000时，需使用cursor」; `next_cursor` 「使用page_id作为查询参数时不返回」).
    /// An answer with a `next_cursor` is followed by cursor; one without is followed by the next
    /// `page_id` until the `last` member is `true`, a page is empty, or the next page would
    /// reach `limit` ([`crate::Error::Usage`]: start without `page_id` to page by cursor).
    PageId {
        /// The request member with the page number (`page_id`).
        page: &'static str,
        /// The request member with the page size (`page_size`).
        size: &'static str,
        /// The page size WeCom uses when `size` is not given (1000).
        default_size: u32,
        /// `page_id × page_size` must stay under this (50 000).
        limit: u64,
        /// The request member that carries the cursor (`cursor`).
        request: &'static str,
        /// The response member with the next page's cursor (`next_cursor`).
        response: &'static str,
        /// The response member with the page's items (an array of objects).
        items: &'static str,
        /// The response member that is `true` on the last page (`is_last`).
        last: &'static str,
    },
}

impl Paging {
    /// `"cursor"` / `"offset"` (the `kind` of the generated JS table).
    pub fn kind(self) -> &'static str {
        match self {
            Paging::Cursor { .. } => "cursor",
            Paging::Offset { .. } => "offset",
            Paging::PageId { .. } => "page_id",
        }
    }

    /// The request member that carries the cursor or offset.
    pub fn request(self) -> &'static str {
        match self {
            Paging::Cursor { request, .. } | Paging::Offset { request, .. } | Paging::PageId { request, .. } => request,
        }
    }

    /// The response member with the next page's cursor or offset.
    pub fn response(self) -> &'static str {
        match self {
            Paging::Cursor { response, .. } | Paging::Offset { response, .. } | Paging::PageId { response, .. } => {
                response
            }
        }
    }

    /// The response member with the page's items.
    pub fn items(self) -> &'static str {
        match self {
            Paging::Cursor { items, .. } | Paging::Offset { items, .. } | Paging::PageId { items, .. } => items,
        }
    }
}

/// How a request's payload travels. Declared per endpoint (`multipart(…)` in the table); the
/// engine reads it from [`Route::multipart`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// JSON: the request body of a POST, the query string of a GET.
    Json,
    /// `multipart/form-data` with one file part (an upload, e.g. `media/upload`, doc 90253):
    /// the request model's members go in the query string, except [`FILE_NAME`] and
    /// [`FILE_SIZE`], which describe the file part and are checked against `limits` before
    /// anything is sent ([`crate::upload`]). The JS layer builds the body; the engine never
    /// sees the file.
    Multipart {
        /// The form field of the file part (`media`).
        field: &'static str,
        /// The request member whose value picks the limit (`type`, `media_type`), if any.
        kind: Option<&'static str>,
        /// The file limits per kind.
        limits: &'static crate::upload::Upload,
    },
}

/// The request member of an upload that names the file ([`Body::Multipart`]).
pub const FILE_NAME: &str = "filename";
/// The request member of an upload that gives the file's size in bytes ([`Body::Multipart`]).
pub const FILE_SIZE: &str = "size";

/// Everything known about one endpoint.
#[derive(Debug)]
pub struct Endpoint {
    /// Path after `/cgi-bin/`, exactly as in the official docs.
    pub path: &'static str,
    /// HTTP method.
    pub method: Method,
    /// A write changes state at WeCom: after a failure that may have been processed (network
    /// error, HTTP 5xx) it is never resent automatically. Reads are retried.
    pub write: bool,
    /// Official doc page id: `https://developer.work.weixin.qq.com/document/path/<id>`.
    pub doc_page: u32,
    /// camelCase method name on the JS client (`None` for gettoken, which the client calls itself).
    pub js_name: Option<&'static str>,
    /// Chinese title (the doc page's).
    pub summary_zh: &'static str,
    /// English title.
    pub summary_en: &'static str,
    /// Request model.
    pub request: &'static Model,
    /// Response model.
    pub response: &'static Model,
    /// How the endpoint pages (`None`: one answer is the whole result). Not in [`Route`]: the
    /// wasm engine does not page (the JS layer does, from the generated table).
    pub paging: Option<Paging>,
    /// `Some(replacement)` for an endpoint the official docs mark as legacy (旧接口, no longer
    /// maintained): the path (or note) that replaces it. The TypeScript method carries
    /// `@deprecated`, the docs say so, and the JS client logs a one-time warning on first use.
    pub deprecated: Option<&'static str>,
    /// How the payload travels: JSON, or a multipart upload with its file limits.
    pub body: Body,
}

/// What a client needs to send a request to an endpoint, and nothing more: no model, no rule,
/// no message. The wasm engine links only this table ([`ROUTES`]): the JS layer validates
/// before it hands the engine a request, so the engine does not grow with the models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// Path after `/cgi-bin/`, exactly as in the official docs.
    pub path: &'static str,
    /// HTTP method.
    pub method: Method,
    /// A write (see [`Endpoint::write`]): never resent after a failure that may have been processed.
    pub write: bool,
    /// Callable through the client (`false` for gettoken, which the client calls itself).
    pub callable: bool,
    /// A multipart upload ([`Body::Multipart`]): the payload's members (but the file's name
    /// and size) go in the query string and the JS layer sends the file as the body.
    pub multipart: bool,
}

impl Endpoint {
    /// The endpoint's [`Route`] (the same facts as its entry in [`ROUTES`]).
    pub fn route(&self) -> Route {
        Route {
            path: self.path,
            method: self.method,
            write: self.write,
            callable: self.js_name.is_some(),
            multipart: matches!(self.body, Body::Multipart { .. }),
        }
    }

    /// The model of one page item: the element model of the response's items array (`None`
    /// for an endpoint that does not page).
    pub fn page_item(&self) -> Option<&'static Model> {
        let field = self.response.field(self.paging?.items())?;
        match (field.kind)() {
            crate::schema::Kind::Array(inner) => match inner() {
                crate::schema::Kind::Object(model) => Some(model),
                _ => None,
            },
            _ => None,
        }
    }

    /// The official doc URL.
    pub fn doc_url(&self) -> String {
        format!("https://developer.work.weixin.qq.com/document/path/{}", self.doc_page)
    }
}

/// A typed handle on an endpoint, for Rust callers: ties the request and response types.
#[derive(Debug)]
pub struct Ep<Req, Resp> {
    /// The endpoint's description.
    pub info: &'static Endpoint,
    _types: PhantomData<fn(Req) -> Resp>,
}

impl<Req, Resp> Clone for Ep<Req, Resp> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Req, Resp> Copy for Ep<Req, Resp> {}

macro_rules! endpoints {
    ($( $konst:ident = $method:ident $access:ident $path:literal ($doc:literal) $js:tt : $req:ident => $resp:ident, $zh:literal, $en:literal $(deprecated($repl:literal))? $(multipart($field:literal $(, kind $kind:literal)?, limits $limits:ident))? $(paging $pkind:ident($($pargs:tt)*))?; )*) => {
        $(
            #[doc = concat!($zh, " / ", $en, " — `", stringify!($method), " /cgi-bin/", $path, "`, <https://developer.work.weixin.qq.com/document/path/", $doc, ">")]
            pub const $konst: Ep<$req, $resp> = Ep {
                // One static per endpoint, so every use shares the same data.
                info: {
                    static INFO: Endpoint = Endpoint {
                        path: $path,
                        method: Method::$method,
                        write: endpoints!(@write $access),
                        doc_page: $doc,
                        js_name: endpoints!(@js $js),
                        summary_zh: $zh,
                        summary_en: $en,
                        request: &$req::MODEL,
                        response: &$resp::MODEL,
                        paging: endpoints!(@paging $($pkind($($pargs)*))?),
                        deprecated: endpoints!(@deprecated $($repl)?),
                        body: endpoints!(@body $($field $(, $kind)?, $limits)?),
                    };
                    &INFO
                },
                _types: PhantomData,
            };
        )*
        /// Every endpoint, in table order.
        pub static ALL: &[&Endpoint] = &[ $( $konst.info ),* ];
        /// Every endpoint's [`Route`], in table order (the same lines as [`ALL`], without models).
        pub static ROUTES: &[Route] = &[ $(
            Route {
                path: $path,
                method: Method::$method,
                write: endpoints!(@write $access),
                callable: endpoints!(@callable $js),
                multipart: endpoints!(@multipart $($field)?),
            }
        ),* ];
    };
    (@paging) => { None };
    (@paging cursor($preq:literal -> $presp:literal, items $pitems:literal)) => {
        Some(Paging::Cursor { request: $preq, response: $presp, items: $pitems })
    };
    (@paging offset($preq:literal -> $presp:literal, items $pitems:literal)) => {
        Some(Paging::Offset { request: $preq, response: $presp, items: $pitems })
    };
    (@paging page_id($page:literal * $size:literal (default $dsize:literal) < $limit:literal, $preq:literal -> $presp:literal, items $pitems:literal, last $plast:literal)) => {
        Some(Paging::PageId {
            page: $page, size: $size, default_size: $dsize, limit: $limit,
            request: $preq, response: $presp, items: $pitems, last: $plast,
        })
    };
    (@body) => { Body::Json };
    (@body $field:literal, $limits:ident) => { Body::Multipart { field: $field, kind: None, limits: &$limits } };
    (@body $field:literal, $kind:literal, $limits:ident) => {
        Body::Multipart { field: $field, kind: Some($kind), limits: &$limits }
    };
    (@multipart) => { false };
    (@multipart $field:literal) => { true };
    (@deprecated) => { None };
    (@deprecated $repl:literal) => { Some($repl) };
    (@callable -) => { false };
    (@callable $js:ident) => { true };
    (@js -) => { None };
    (@write read) => { false };
    (@write write) => { true };
    (@js $js:ident) => { Some(stringify!($js)) };
}

endpoints! {
    GETTOKEN = Get read "gettoken" (91039) - : GetTokenRequest => GetTokenResponse, "获取 access_token", "Get an access_token";
    GET_FOLLOW_USER_LIST = Get read "externalcontact/get_follow_user_list" (92571) getFollowUserList : GetFollowUserListRequest => GetFollowUserListResponse, "获取配置了客户联系功能的成员列表", "List members with customer contact enabled";
    ADD_CONTACT_WAY = Post write "externalcontact/add_contact_way" (92228) addContactWay : AddContactWayRequest => AddContactWayResponse, "配置客户联系「联系我」方式", "Create a contact way";
    GET_CONTACT_WAY = Post read "externalcontact/get_contact_way" (92228) getContactWay : ContactWayIdRequest => GetContactWayResponse, "获取企业已配置的「联系我」方式", "Get a contact way";
    LIST_CONTACT_WAY = Post read "externalcontact/list_contact_way" (92228) listContactWay : ListContactWayRequest => ListContactWayResponse, "获取企业已配置的「联系我」列表", "List contact ways" paging cursor("cursor" -> "next_cursor", items "contact_way");
    UPDATE_CONTACT_WAY = Post write "externalcontact/update_contact_way" (92228) updateContactWay : UpdateContactWayRequest => ErrcodeResponse, "更新企业已配置的「联系我」方式", "Update a contact way";
    DEL_CONTACT_WAY = Post write "externalcontact/del_contact_way" (92228) delContactWay : ContactWayIdRequest => ErrcodeResponse, "删除企业已配置的「联系我」方式", "Delete a contact way";
    CLOSE_TEMP_CHAT = Post write "externalcontact/close_temp_chat" (92228) closeTempChat : CloseTempChatRequest => ErrcodeResponse, "结束临时会话", "Close a temporary chat";
    CORPGROUP_EXTERNAL_USERID_TO_PENDING_ID = Post read "corpgroup/batch/external_userid_to_pending_id" (97357) corpGroupExternalUseridToPendingId : ExternalUseridToPendingIdRequest => ExternalUseridToPendingIdResponse, "上下游 external_userid 查询 pending_id", "Upstream/downstream: external_userid to pending_id";
    IDCONVERT_EXTERNAL_USERID_TO_PENDING_ID = Post read "idconvert/batch/external_userid_to_pending_id" (95900) externalUseridToPendingId : ExternalUseridToPendingIdRequest => ExternalUseridToPendingIdResponse, "external_userid 查询 pending_id", "external_userid to pending_id";
    IDCONVERT_UNIONID_TO_EXTERNAL_USERID = Post read "idconvert/unionid_to_external_userid" (95900) unionidToExternalUserid : UnionidToExternalUseridRequest => UnionidToExternalUseridResponse, "unionid 转换为第三方 external_userid", "unionid to external_userid (or pending_id)";
    GET_NEW_EXTERNAL_USERID = Post read "externalcontact/get_new_external_userid" (95327) getNewExternalUserid : GetNewExternalUseridRequest => GetNewExternalUseridResponse, "external_userid 升级转换", "Upgrade external_userids to the provider subject";
    GROUPCHAT_GET_NEW_EXTERNAL_USERID = Post read "externalcontact/groupchat/get_new_external_userid" (95327) groupChatGetNewExternalUserid : GroupChatGetNewExternalUseridRequest => GetNewExternalUseridResponse, "客户群成员 external_userid 升级转换", "Upgrade group members' external_userids";
    FROM_SERVICE_EXTERNAL_USERID = Post read "externalcontact/from_service_external_userid" (95884) fromServiceExternalUserid : FromServiceExternalUseridRequest => FromServiceExternalUseridResponse, "第三方应用 external_userid 转换为自建应用 external_userid", "Third-party app's external_userid to the self-built app's";
    OPENUSERID_TO_USERID = Post read "batch/openuserid_to_userid" (95884) openuseridToUserid : OpenuseridToUseridRequest => OpenuseridToUseridResponse, "open_userid 转换为 userid", "open_userid to userid";
    IDCONVERT_EXTERNAL_TAGID = Post read "idconvert/external_tagid" (96169) externalTagid : ExternalTagidRequest => ExternalTagidResponse, "客户标签 ID 转换", "Corp tag ids to the provider's tag ids";
    CORPGROUP_UNIONID_TO_EXTERNAL_USERID = Post read "corpgroup/unionid_to_external_userid" (95818) corpGroupUnionidToExternalUserid : CorpGroupUnionidToExternalUseridRequest => CorpGroupUnionidToExternalUseridResponse, "上下游 unionid 查询 external_userid", "Upstream/downstream: unionid to external_userid";
    CORPGROUP_UNIONID_TO_PENDING_ID = Post read "corpgroup/unionid_to_pending_id" (97357) corpGroupUnionidToPendingId : CorpGroupUnionidToPendingIdRequest => CorpGroupUnionidToPendingIdResponse, "上下游 unionid 查询 pending_id", "Upstream/downstream: unionid to pending_id";
    CONVERT_TO_OPENID = Post read "externalcontact/convert_to_openid" (92323) convertToOpenid : ConvertToOpenidRequest => ConvertToOpenidResponse, "external_userid 转换为 openid", "external_userid to openid";

    // ── issue 11: follow users and customers (customers helper: add lines below this one) ──
    CHECK_FOLLOW_USER = Post read "externalcontact/check_follow_user" (96312) checkFollowUser : CheckFollowUserRequest => CheckFollowUserResponse, "检查用户是否配置了客户联系功能使用权限", "Check which members and departments have customer contact enabled";
    LIST_EXTERNAL_CONTACT = Get read "externalcontact/list" (92113) listExternalContact : ListExternalContactRequest => ListExternalContactResponse, "获取客户列表", "List a member's customers";
    GET_EXTERNAL_CONTACT = Get read "externalcontact/get" (92114) getExternalContact : GetExternalContactRequest => GetExternalContactResponse, "获取客户详情", "Get a customer" paging cursor("cursor" -> "next_cursor", items "follow_user");
    BATCH_GET_BY_USER = Post read "externalcontact/batch/get_by_user" (92994) batchGetByUser : BatchGetByUserRequest => BatchGetByUserResponse, "批量获取客户详情", "Get the customers of several members" paging cursor("cursor" -> "next_cursor", items "external_contact_list");
    REMARK_EXTERNAL_CONTACT = Post write "externalcontact/remark" (92115) remarkExternalContact : RemarkExternalContactRequest => ErrcodeResponse, "修改客户备注信息", "Update a member's remark on a customer";
    CONTACT_LIST = Post read "externalcontact/contact_list" (99434) listServedContacts : ContactListRequest => ContactListResponse, "获取已服务的外部联系人", "List every external contact served" paging cursor("cursor" -> "next_cursor", items "info_list");
    CRM_GET_EXTERNAL_CONTACT = Get read "crm/get_external_contact" (92114) crmGetExternalContact : LegacyGetExternalContactRequest => GetExternalContactResponse, "获取外部联系人详情（旧）", "Get an external contact (legacy)" deprecated("externalcontact/get");
    CORP_UNIONID_TO_EXTERNAL_USERID = Post read "externalcontact/unionid_to_external_userid" (93274) corpUnionidToExternalUserid : CorpUnionidToExternalUseridRequest => CorpUnionidToExternalUseridResponse, "企业主体unionid转换为第三方external_userid", "Corp-subject mini-program unionid to external_userid";

    // ── issue 11: corp tags, strategy tags and group join ways (tags helper: add lines below this one) ──
    GET_CORP_TAG_LIST = Post read "externalcontact/get_corp_tag_list" (92117) getCorpTagList : GetCorpTagListRequest => GetCorpTagListResponse, "获取企业标签库", "Get the corp tag library";
    ADD_CORP_TAG = Post write "externalcontact/add_corp_tag" (92117) addCorpTag : AddCorpTagRequest => AddCorpTagResponse, "添加企业客户标签", "Add corp tags";
    EDIT_CORP_TAG = Post write "externalcontact/edit_corp_tag" (92117) editCorpTag : EditCorpTagRequest => ErrcodeResponse, "编辑企业客户标签", "Edit a corp tag or tag group";
    DEL_CORP_TAG = Post write "externalcontact/del_corp_tag" (92117) delCorpTag : DelCorpTagRequest => ErrcodeResponse, "删除企业客户标签", "Delete corp tags or tag groups";
    MARK_TAG = Post write "externalcontact/mark_tag" (92118) markTag : MarkTagRequest => ErrcodeResponse, "编辑客户企业标签", "Mark or unmark corp tags on a customer";
    GET_STRATEGY_TAG_LIST = Post read "externalcontact/get_strategy_tag_list" (94882) getStrategyTagList : GetStrategyTagListRequest => GetStrategyTagListResponse, "获取指定规则组下的企业客户标签", "Get a strategy group's corp tags";
    ADD_STRATEGY_TAG = Post write "externalcontact/add_strategy_tag" (94882) addStrategyTag : AddStrategyTagRequest => AddStrategyTagResponse, "为指定规则组创建企业客户标签", "Add corp tags to a strategy group";
    EDIT_STRATEGY_TAG = Post write "externalcontact/edit_strategy_tag" (94882) editStrategyTag : EditStrategyTagRequest => ErrcodeResponse, "编辑指定规则组下的企业客户标签", "Edit a strategy group's tag or tag group";
    DEL_STRATEGY_TAG = Post write "externalcontact/del_strategy_tag" (94882) delStrategyTag : DelStrategyTagRequest => ErrcodeResponse, "删除指定规则组下的企业客户标签", "Delete a strategy group's tags or tag groups";
    ADD_JOIN_WAY = Post write "externalcontact/groupchat/add_join_way" (92229) addJoinWay : AddJoinWayRequest => AddJoinWayResponse, "配置客户群进群方式", "Create a group join way";
    GET_JOIN_WAY = Post read "externalcontact/groupchat/get_join_way" (92229) getJoinWay : JoinWayIdRequest => GetJoinWayResponse, "获取客户群进群方式配置", "Get a group join way";
    UPDATE_JOIN_WAY = Post write "externalcontact/groupchat/update_join_way" (92229) updateJoinWay : UpdateJoinWayRequest => ErrcodeResponse, "更新客户群进群方式配置", "Update (overwrite) a group join way";
    DEL_JOIN_WAY = Post write "externalcontact/groupchat/del_join_way" (92229) delJoinWay : JoinWayIdRequest => ErrcodeResponse, "删除客户群进群方式配置", "Delete a group join way";

    // ── issue 11: transfers and group chats (transfers helper: add lines below this one) ──
    TRANSFER_CUSTOMER = Post write "externalcontact/transfer_customer" (92125) transferCustomer : TransferCustomerRequest => TransferCustomerResponse, "分配在职成员的客户", "Transfer an on-job member's customers";
    TRANSFER_RESULT = Post read "externalcontact/transfer_result" (94088) transferResult : TransferResultRequest => TransferResultResponse, "查询客户接替状态（在职继承）", "Takeover state of an on-job transfer" paging cursor("cursor" -> "next_cursor", items "customer");
    GROUPCHAT_ONJOB_TRANSFER = Post write "externalcontact/groupchat/onjob_transfer" (95703) groupChatOnjobTransfer : GroupChatTransferRequest => GroupChatTransferResponse, "分配在职成员的客户群", "Transfer an on-job member's group chats";
    GET_UNASSIGNED_LIST = Post read "externalcontact/get_unassigned_list" (92124) getUnassignedList : GetUnassignedListRequest => GetUnassignedListResponse, "获取待分配的离职成员列表", "List resigned members' unassigned customers" paging page_id("page_id" * "page_size" (default 1000) < 50000, "cursor" -> "next_cursor", items "info", last "is_last");
    RESIGNED_TRANSFER_CUSTOMER = Post write "externalcontact/resigned/transfer_customer" (94081) resignedTransferCustomer : ResignedTransferCustomerRequest => TransferCustomerResponse, "分配离职成员的客户", "Assign a resigned member's customers";
    RESIGNED_TRANSFER_RESULT = Post read "externalcontact/resigned/transfer_result" (94082) resignedTransferResult : TransferResultRequest => TransferResultResponse, "查询客户接替状态（离职继承）", "Takeover state of a resigned member's customers" paging cursor("cursor" -> "next_cursor", items "customer");
    GROUPCHAT_TRANSFER = Post write "externalcontact/groupchat/transfer" (92127) groupChatTransfer : GroupChatTransferRequest => GroupChatTransferResponse, "分配离职成员的客户群", "Assign a resigned member's group chats";
    LEGACY_TRANSFER = Post write "externalcontact/transfer" (92125) transferExternalContact : LegacyTransferRequest => ErrcodeResponse, "分配在职或离职成员的客户（旧）", "Transfer one customer (legacy)" deprecated("externalcontact/transfer_customer");
    LEGACY_GET_TRANSFER_RESULT = Post read "externalcontact/get_transfer_result" (92973) getTransferResult : GetTransferResultRequest => GetTransferResultResponse, "查询客户接替结果（旧）", "Takeover result of one customer (legacy)" deprecated("externalcontact/transfer_result");
    GROUPCHAT_LIST = Post read "externalcontact/groupchat/list" (92120) groupChatList : GroupChatListRequest => GroupChatListResponse, "获取客户群列表", "List customer group chats" paging cursor("cursor" -> "next_cursor", items "group_chat_list");
    GROUPCHAT_GET = Post read "externalcontact/groupchat/get" (92122) groupChatGet : GroupChatGetRequest => GroupChatGetResponse, "获取客户群详情", "Get a customer group chat";
    OPENGID_TO_CHATID = Post read "externalcontact/opengid_to_chatid" (94822) opengidToChatid : OpengidToChatidRequest => OpengidToChatidResponse, "客户群opengid转换", "Customer group opengid to chat_id";


    // ── issue 12: mass messages and welcome messages (messages helper: add lines below this one) ──
    ADD_MSG_TEMPLATE = Post write "externalcontact/add_msg_template" (92135) addMsgTemplate : AddMsgTemplateRequest => AddMsgTemplateResponse, "创建企业群发", "Create a mass message";
    GET_GROUPMSG_LIST_V2 = Post read "externalcontact/get_groupmsg_list_v2" (93338) getGroupmsgListV2 : GetGroupmsgListV2Request => GetGroupmsgListV2Response, "获取群发记录列表", "List mass messages" paging cursor("cursor" -> "next_cursor", items "group_msg_list");
    GET_GROUPMSG_TASK = Post read "externalcontact/get_groupmsg_task" (93338) getGroupmsgTask : GetGroupmsgTaskRequest => GetGroupmsgTaskResponse, "获取群发成员发送任务列表", "List a mass message's member tasks" paging cursor("cursor" -> "next_cursor", items "task_list");
    GET_GROUPMSG_SEND_RESULT = Post read "externalcontact/get_groupmsg_send_result" (93338) getGroupmsgSendResult : GetGroupmsgSendResultRequest => GetGroupmsgSendResultResponse, "获取企业群发成员执行结果", "List a member's send results of a mass message" paging cursor("cursor" -> "next_cursor", items "send_list");
    REMIND_GROUPMSG_SEND = Post write "externalcontact/remind_groupmsg_send" (97610) remindGroupmsgSend : GroupMsgIdRequest => ErrcodeResponse, "提醒成员群发", "Remind members to send a mass message";
    CANCEL_GROUPMSG_SEND = Post write "externalcontact/cancel_groupmsg_send" (97611) cancelGroupmsgSend : GroupMsgIdRequest => ErrcodeResponse, "停止企业群发", "Stop a mass message";
    GET_GROUP_MSG_RESULT = Post read "externalcontact/get_group_msg_result" (92136) getGroupMsgResult : GetGroupMsgResultRequest => GetGroupMsgResultResponse, "获取企业群发消息发送结果（旧）", "Send results of a mass message (legacy)" deprecated("externalcontact/get_groupmsg_send_result");
    SEND_WELCOME_MSG = Post write "externalcontact/send_welcome_msg" (92137) sendWelcomeMsg : SendWelcomeMsgRequest => ErrcodeResponse, "发送新客户欢迎语", "Send the welcome message to a new customer";
    ADD_GROUP_WELCOME_TEMPLATE = Post write "externalcontact/group_welcome_template/add" (92366) addGroupWelcomeTemplate : AddGroupWelcomeTemplateRequest => AddGroupWelcomeTemplateResponse, "添加入群欢迎语素材", "Add a group welcome template";
    EDIT_GROUP_WELCOME_TEMPLATE = Post write "externalcontact/group_welcome_template/edit" (92366) editGroupWelcomeTemplate : EditGroupWelcomeTemplateRequest => ErrcodeResponse, "编辑入群欢迎语素材", "Edit a group welcome template";
    GET_GROUP_WELCOME_TEMPLATE = Post read "externalcontact/group_welcome_template/get" (92366) getGroupWelcomeTemplate : GroupWelcomeTemplateIdRequest => GetGroupWelcomeTemplateResponse, "获取入群欢迎语素材", "Get a group welcome template";
    DEL_GROUP_WELCOME_TEMPLATE = Post write "externalcontact/group_welcome_template/del" (92366) delGroupWelcomeTemplate : GroupWelcomeTemplateIdRequest => ErrcodeResponse, "删除入群欢迎语素材", "Delete a group welcome template";

    // ── issue 12: moments and moment strategies (moments helper: add lines below this one) ──
    ADD_MOMENT_TASK = Post write "externalcontact/add_moment_task" (95094) addMomentTask : AddMomentTaskRequest => AddMomentTaskResponse, "创建发表任务", "Create a moment task (asynchronous)";
    GET_MOMENT_TASK_RESULT = Get read "externalcontact/get_moment_task_result" (95094) getMomentTaskResult : GetMomentTaskResultRequest => GetMomentTaskResultResponse, "获取任务创建结果", "Get a moment task's creation result";
    CANCEL_MOMENT_TASK = Post write "externalcontact/cancel_moment_task" (97612) cancelMomentTask : CancelMomentTaskRequest => ErrcodeResponse, "停止发表企业朋友圈", "Stop posting a corp moment";
    GET_MOMENT_LIST = Post read "externalcontact/get_moment_list" (93333) getMomentList : GetMomentListRequest => GetMomentListResponse, "获取企业全部的发表列表", "List the corp's moments" paging cursor("cursor" -> "next_cursor", items "moment_list");
    GET_MOMENT_TASK = Post read "externalcontact/get_moment_task" (93333) getMomentTask : GetMomentTaskRequest => GetMomentTaskResponse, "获取客户朋友圈企业发表的列表", "List the executors' tasks of a corp moment" paging cursor("cursor" -> "next_cursor", items "task_list");
    GET_MOMENT_CUSTOMER_LIST = Post read "externalcontact/get_moment_customer_list" (93333) getMomentCustomerList : GetMomentCustomerListRequest => GetMomentCustomerListResponse, "获取客户朋友圈发表时选择的可见范围", "List the customers chosen for a moment" paging cursor("cursor" -> "next_cursor", items "customer_list");
    GET_MOMENT_SEND_RESULT = Post read "externalcontact/get_moment_send_result" (93333) getMomentSendResult : GetMomentSendResultRequest => GetMomentSendResultResponse, "获取客户朋友圈发表后的可见客户列表", "List the customers who can see a moment" paging cursor("cursor" -> "next_cursor", items "customer_list");
    GET_MOMENT_COMMENTS = Post read "externalcontact/get_moment_comments" (93333) getMomentComments : GetMomentCommentsRequest => GetMomentCommentsResponse, "获取客户朋友圈的互动数据", "Get a moment's comments and likes";
    MOMENT_STRATEGY_LIST = Post read "externalcontact/moment_strategy/list" (94890) momentStrategyList : MomentStrategyListRequest => MomentStrategyListResponse, "获取规则组列表", "List moment strategies" paging cursor("cursor" -> "next_cursor", items "strategy");
    MOMENT_STRATEGY_GET = Post read "externalcontact/moment_strategy/get" (94890) momentStrategyGet : MomentStrategyIdRequest => MomentStrategyGetResponse, "获取规则组详情", "Get a moment strategy";
    MOMENT_STRATEGY_GET_RANGE = Post read "externalcontact/moment_strategy/get_range" (94890) momentStrategyGetRange : MomentStrategyGetRangeRequest => MomentStrategyGetRangeResponse, "获取规则组管理范围", "Get a moment strategy's range" paging cursor("cursor" -> "next_cursor", items "range");
    MOMENT_STRATEGY_CREATE = Post write "externalcontact/moment_strategy/create" (94890) momentStrategyCreate : MomentStrategyCreateRequest => MomentStrategyCreateResponse, "创建新的规则组", "Create a moment strategy";
    MOMENT_STRATEGY_EDIT = Post write "externalcontact/moment_strategy/edit" (94890) momentStrategyEdit : MomentStrategyEditRequest => ErrcodeResponse, "编辑规则组及其管理范围", "Edit a moment strategy and its range";
    MOMENT_STRATEGY_DEL = Post write "externalcontact/moment_strategy/del" (94890) momentStrategyDel : MomentStrategyIdRequest => ErrcodeResponse, "删除规则组", "Delete a moment strategy";

    // ── issue 12: customer strategies and statistics (strategies helper: add lines below this one) ──
    GET_USER_BEHAVIOR_DATA = Post read "externalcontact/get_user_behavior_data" (92132) getUserBehaviorData : GetUserBehaviorDataRequest => GetUserBehaviorDataResponse, "获取「联系客户统计」数据", "Get member contact statistics";
    GROUPCHAT_STATISTIC = Post read "externalcontact/groupchat/statistic" (92133) groupChatStatistic : GroupChatStatisticRequest => GroupChatStatisticResponse, "获取「群聊数据统计」数据（按群主聚合）", "Group chat statistics by owner" paging offset("offset" -> "next_offset", items "items");
    GROUPCHAT_STATISTIC_BY_DAY = Post read "externalcontact/groupchat/statistic_group_by_day" (92133) groupChatStatisticByDay : GroupChatStatisticByDayRequest => GroupChatStatisticByDayResponse, "获取「群聊数据统计」数据（按自然日聚合）", "Group chat statistics by day";
    CUSTOMER_STRATEGY_LIST = Post read "externalcontact/customer_strategy/list" (94883) customerStrategyList : CustomerStrategyListRequest => CustomerStrategyListResponse, "获取规则组列表", "List customer strategies" paging cursor("cursor" -> "next_cursor", items "strategy");
    CUSTOMER_STRATEGY_GET = Post read "externalcontact/customer_strategy/get" (94883) customerStrategyGet : CustomerStrategyGetRequest => CustomerStrategyGetResponse, "获取规则组详情", "Get a customer strategy";
    CUSTOMER_STRATEGY_GET_RANGE = Post read "externalcontact/customer_strategy/get_range" (94883) customerStrategyGetRange : CustomerStrategyGetRangeRequest => CustomerStrategyGetRangeResponse, "获取规则组管理范围", "List a customer strategy's range" paging cursor("cursor" -> "next_cursor", items "range");
    CUSTOMER_STRATEGY_CREATE = Post write "externalcontact/customer_strategy/create" (94883) customerStrategyCreate : CustomerStrategyCreateRequest => CustomerStrategyCreateResponse, "创建新的规则组", "Create a customer strategy";
    CUSTOMER_STRATEGY_EDIT = Post write "externalcontact/customer_strategy/edit" (94883) customerStrategyEdit : CustomerStrategyEditRequest => ErrcodeResponse, "编辑规则组及其管理范围", "Edit a customer strategy and its range";
    CUSTOMER_STRATEGY_DEL = Post write "externalcontact/customer_strategy/del" (94883) customerStrategyDel : CustomerStrategyDelRequest => ErrcodeResponse, "删除规则组", "Delete a customer strategy";

    // ── issue 12: media uploads (uploads helper: add lines below this one) ──
    MEDIA_UPLOAD = Post read "media/upload" (90253) uploadMedia : UploadMediaRequest => UploadMediaResponse, "上传临时素材", "Upload a temporary media file (media_id valid 3 days)" multipart("media", kind "type", limits MEDIA_LIMITS);
    MEDIA_UPLOADIMG = Post write "media/uploadimg" (90256) uploadImage : UploadImageRequest => UploadImageResponse, "上传图片", "Upload an image for a permanent URL" multipart("media", limits IMAGE_URL_LIMITS);
    MEDIA_UPLOAD_ATTACHMENT = Post write "media/upload_attachment" (95098) uploadAttachment : UploadAttachmentRequest => UploadMediaResponse, "上传附件资源", "Upload an attachment for moments or product albums" multipart("media", kind "media_type", limits ATTACHMENT_LIMITS);

}

/// `path` without a leading `/` or `/cgi-bin/`.
fn official(path: &str) -> &str {
    let p = path.trim_start_matches('/');
    p.strip_prefix("cgi-bin/").unwrap_or(p)
}

/// Finds an endpoint by its official path (`externalcontact/add_contact_way`); a leading `/`
/// or `/cgi-bin/` is accepted too.
pub fn find(path: &str) -> Option<&'static Endpoint> {
    let p = official(path);
    // `black_box`: without it the optimiser unrolls the whole table into code, one comparison
    // per endpoint (about 10 KB of wasm for 20 endpoints); a plain loop over data is enough here.
    std::hint::black_box(ALL).iter().copied().find(|e| e.path == p)
}

/// Finds an endpoint's [`Route`] by its official path, like [`find`], without touching any
/// model (what the wasm engine uses).
pub fn find_route(path: &str) -> Option<&'static Route> {
    let p = official(path);
    // `black_box`: see `find`.
    std::hint::black_box(ROUTES).iter().find(|r| r.path == p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_js_names_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.path, b.path);
                assert!(a.js_name.is_none() || a.js_name != b.js_name, "{}", a.path);
            }
        }
    }

    #[test]
    fn routes_are_the_endpoints_without_models() {
        assert_eq!(ROUTES.len(), ALL.len());
        for (route, endpoint) in ROUTES.iter().zip(ALL) {
            assert_eq!(*route, endpoint.route());
            assert_eq!(find_route(endpoint.path), Some(route));
        }
        assert!(!find_route("gettoken").is_some_and(|r| r.callable));
        assert!(find_route("/cgi-bin/externalcontact/add_contact_way").is_some_and(|r| r.callable && r.write));
        assert!(find_route("externalcontact/get_contact_way").is_some_and(|r| r.callable && !r.write));
        assert!(find_route("externalcontact/nope").is_none());
    }

    /// Every declared paging names members the models have: the request member, the response
    /// member, and an items member that is an array of objects (the page item model).
    #[test]
    fn declared_paging_matches_the_models() {
        use crate::schema::Kind;
        let mut paged = 0;
        for e in ALL {
            let Some(p) = e.paging else { continue };
            paged += 1;
            assert!(e.request.field(p.request()).is_some(), "{}: no request member {}", e.path, p.request());
            assert!(e.response.field(p.response()).is_some(), "{}: no response member {}", e.path, p.response());
            let items = e.response.field(p.items()).unwrap_or_else(|| panic!("{}: no items {}", e.path, p.items()));
            let Kind::Array(inner) = (items.kind)() else { panic!("{}: {} is not an array", e.path, p.items()) };
            assert!(matches!(inner(), Kind::Object(_)), "{}: {} is not an array of objects", e.path, p.items());
            assert!(e.page_item().is_some(), "{}", e.path);
        }
        assert!(paged >= 1);
        assert_eq!(LIST_CONTACT_WAY.info.page_item().map(|m| m.name), Some("ContactWayRef"));
        assert_eq!(LIST_CONTACT_WAY.info.paging.map(Paging::kind), Some("cursor"));
        assert!(ADD_CONTACT_WAY.info.paging.is_none() && ADD_CONTACT_WAY.info.page_item().is_none());
    }

    #[test]
    fn find_accepts_prefixes() {
        assert_eq!(
            find("/cgi-bin/externalcontact/add_contact_way").map(|e| e.path),
            Some("externalcontact/add_contact_way")
        );
        assert!(find("externalcontact/nope").is_none());
    }
}
