//! Request and response models, one file per WeCom doc page.

pub mod common;
pub mod contact_way;
pub mod corp_tag;
pub mod external_tagid;
pub mod follow_user;
pub mod join_way;
pub mod new_external_userid;
pub mod openid;
pub mod pending_id;
pub mod service_id;
pub mod strategy_tag;
pub mod token;
pub mod unionid;

pub use common::*;
pub use contact_way::*;
pub use corp_tag::*;
pub use external_tagid::*;
pub use follow_user::*;
pub use join_way::*;
pub use new_external_userid::*;
pub use openid::*;
pub use pending_id::*;
pub use service_id::*;
pub use strategy_tag::*;
pub use token::*;
pub use unionid::*;
