#![cfg(feature = "x")]
