//! The client side: decoding an error body of any built-in format back into an
//! [`ErrorBody`](decode::ErrorBody) and finding its code in a catalog ([`decode`]), and
//! rebuilding the typed error from it ([`typed`]). Depends on the [model](crate::model)
//! and the [wire](crate::wire)'s member names.

pub(crate) mod decode;
pub(crate) mod typed;
