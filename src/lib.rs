//! Integration tests and examples of error-catalog live in this unpublished package.
//! Its library only runs the README's examples as doctests.

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
