//! Fuzzes the client decoder: any bytes give a body or a typed error, never a panic, and a
//! decoded body decodes the same when its format is given instead of detected.

#![no_main]

use error_catalog::{ErrorBody, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let detected = ErrorBody::from_json(data);
    if let Ok(body) = &detected {
        assert!(!body.code().is_empty());
        assert_eq!(
            ErrorBody::from_json_as(data, body.format()).as_ref(),
            Ok(body)
        );
    }
    for format in Format::ALL {
        if let Err(err) = ErrorBody::from_json_as(data, format) {
            // Rendering the error must not panic either.
            assert!(!err.to_string().is_empty());
        }
    }
});
