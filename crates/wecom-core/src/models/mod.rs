//! Request and response models, one file per WeCom doc page.

pub mod common;
pub mod contact_way;
pub mod external_tagid;
pub mod follow_user;
pub mod group_chat;
pub mod new_external_userid;
pub mod openid;
pub mod pending_id;
pub mod service_id;
pub mod token;
pub mod transfer;
pub mod transfer_group;
pub mod transfer_legacy;
pub mod unionid;

pub use common::*;
pub use contact_way::*;
pub use external_tagid::*;
pub use follow_user::*;
pub use group_chat::*;
pub use new_external_userid::*;
pub use openid::*;
pub use pending_id::*;
pub use service_id::*;
pub use token::*;
pub use transfer::*;
pub use transfer_group::*;
pub use transfer_legacy::*;
pub use unionid::*;
