//! What the user wrote: the type, its variants and fields ([`ast`]) with every attribute
//! parsed into slots ([`attr`], [`slot`]), by the key names of [`keys`]. Values are
//! checked here only as far as their own token goes (a status in range, a known
//! `rename_all` rule or `format`); the rules that look at a whole variant are in
//! `check`.

pub mod ast;
pub mod attr;
pub mod case;
pub mod deprecation;
pub mod doc;
pub mod format;
pub mod keys;
pub mod locales;
pub mod slot;
