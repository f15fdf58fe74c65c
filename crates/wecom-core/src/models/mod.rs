//! Request and response models, one file per WeCom doc page.

pub mod common;
pub mod contact_way;
pub mod follow_user;
pub mod pending_id;
pub mod token;

pub use common::*;
pub use contact_way::*;
pub use follow_user::*;
pub use pending_id::*;
pub use token::*;
