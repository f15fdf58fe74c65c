//! Request and response models, one file per WeCom doc page.

pub mod check_follow_user;
pub mod common;
pub mod contact_list;
pub mod contact_way;
pub mod customer;
pub mod customer_profile;
pub mod customer_unionid;
pub mod external_tagid;
pub mod follow_info;
pub mod follow_user;
pub mod new_external_userid;
pub mod openid;
pub mod pending_id;
pub mod service_id;
pub mod token;
pub mod unionid;

pub use check_follow_user::*;
pub use common::*;
pub use contact_list::*;
pub use contact_way::*;
pub use customer::*;
pub use customer_profile::*;
pub use customer_unionid::*;
pub use external_tagid::*;
pub use follow_info::*;
pub use follow_user::*;
pub use new_external_userid::*;
pub use openid::*;
pub use pending_id::*;
pub use service_id::*;
pub use token::*;
pub use unionid::*;
