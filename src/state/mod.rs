//! The view: what the map shows ([`view::ViewState`]), the named actions that
//! change it ([`view::Action`]), and its URL query ([`url`]). Pure: the web
//! store applies actions to one signal and hands the query to the history.

pub mod url;
pub mod view;

pub use url::{Notice, Query};
pub use view::{Action, Known, ViewState, Words};
