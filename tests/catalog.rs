//! `catalog!` across two crates (this package and `tests/helper-crate`): the catalog
//! value, its JSON, Markdown and OpenAPI exports, and the compatibility guard.

use std::path::PathBuf;
use std::process::Command;

use catalog_helper::OrderError;
use error_catalog::guard::{BLESS_VAR, Change};
use error_catalog::{ApiError, Catalog, Format, catalog};
use http::StatusCode;
use serde_json::{Value, json};

/// User errors.
///
/// Raised by the accounts endpoints.
#[derive(Debug, ApiError)]
#[api_error(format = "problem", docs = "https://docs.example.com/users/{code}")]
pub enum UserError {
    /// A user with this email already exists.
    #[error(code = "user_exists", status = 409, message = "{email} is taken")]
    Exists {
        #[error(example = "ada@example.com")]
        email: String,
    },

    /// The user does not exist.
    #[error(code = "user_not_found", status = 404, message = "User not found")]
    NotFound { user_id: u64, deleted: Option<bool> },
}

static ERRORS: Catalog = catalog!(UserError, OrderError);

fn codes(specs: impl IntoIterator<Item = &'static error_catalog::ErrorSpec>) -> Vec<&'static str> {
    specs.into_iter().map(|spec| spec.code()).collect()
}

#[test]
fn lists_every_code_of_both_crates_in_order() {
    assert_eq!(
        codes(ERRORS),
        [
            "user_exists",
            "user_not_found",
            "order_not_found",
            "conflict",
            "payment_unavailable"
        ]
    );
    assert_eq!(ERRORS.len(), 5);
    assert_eq!(ERRORS.iter().len(), 5);
    assert!(!ERRORS.is_empty());
    assert_eq!(
        format!("{ERRORS:?}"),
        r#"["user_exists", "user_not_found", "order_not_found", "conflict", "payment_unavailable"]"#
    );
}

#[test]
fn finds_codes_through_the_compile_time_index() {
    for spec in &ERRORS {
        assert!(std::ptr::eq(ERRORS.find(spec.code()).unwrap(), spec));
    }
    let conflict = ERRORS.find("conflict").unwrap();
    assert_eq!(conflict.category().name(), "OrderError");
    assert_eq!(conflict.variant(), "AlreadyExists");
    for missing in ["", "Conflict", "conflict ", "user", "ü", "user_exists\0"] {
        assert!(ERRORS.find(missing).is_none(), "{missing:?}");
    }
    assert!(ERRORS.find(&"x".repeat(100_000)).is_none());
}

#[test]
fn groups_by_category_and_status() {
    let categories: Vec<(&str, Vec<&str>)> = ERRORS
        .categories()
        .map(|(category, specs)| (category.name(), codes(specs)))
        .collect();
    assert_eq!(
        categories,
        [
            ("UserError", vec!["user_exists", "user_not_found"]),
            (
                "OrderError",
                vec!["order_not_found", "conflict", "payment_unavailable"]
            ),
        ]
    );
    let statuses: Vec<(u16, Vec<&str>)> = ERRORS
        .by_status()
        .into_iter()
        .map(|(status, specs)| (status.as_u16(), codes(specs)))
        .collect();
    assert_eq!(
        statuses,
        [
            (404, vec!["user_not_found", "order_not_found"]),
            (409, vec!["user_exists", "conflict"]),
            (503, vec!["payment_unavailable"]),
        ]
    );
    assert_eq!(
        codes(ERRORS.with_status(StatusCode::NOT_FOUND)),
        ["user_not_found", "order_not_found"]
    );
    assert!(ERRORS.with_status(StatusCode::IM_A_TEAPOT).next().is_none());
}

#[test]
fn json_export_has_every_member() {
    let doc: Value = serde_json::from_str(&catalog!(UserError).to_json()).unwrap();
    assert_eq!(
        doc,
        json!({
            "version": 1,
            "errors": [
                {
                    "code": "user_exists",
                    "status": 409,
                    "retryable": false,
                    "title": "User exists",
                    "message_template": "{email} is taken",
                    "description": "A user with this email already exists.",
                    "resolution": null,
                    "causes": [],
                    "retry_after": null,
                    "details": [{
                        "name": "email", "type": "string", "rust_type": "String",
                        "example": "ada@example.com",
                    }],
                    "category": {
                        "name": "UserError",
                        "doc": "User errors.",
                        "format": "problem",
                        "domain": null,
                    },
                    "variant": "Exists",
                    "docs_url": "https://docs.example.com/users/user_exists",
                },
                {
                    "code": "user_not_found",
                    "status": 404,
                    "retryable": false,
                    "title": "User not found",
                    "message_template": "User not found",
                    "description": "The user does not exist.",
                    "resolution": null,
                    "causes": [],
                    "retry_after": null,
                    "details": [
                        {"name": "user_id", "type": "integer", "rust_type": "u64"},
                        {
                            "name": "deleted", "type": "boolean", "rust_type": "Option<bool>",
                            "optional": true,
                        },
                    ],
                    "category": {
                        "name": "UserError",
                        "doc": "User errors.",
                        "format": "problem",
                        "domain": null,
                    },
                    "variant": "NotFound",
                    "docs_url": "https://docs.example.com/users/user_not_found",
                },
            ],
        })
    );
    let mut written = Vec::new();
    ERRORS.write_json(&mut written).unwrap();
    assert_eq!(String::from_utf8(written).unwrap(), ERRORS.to_json());
    assert!(!ERRORS.to_json().contains('\n'));
    let mut written = Vec::new();
    ERRORS.write_json_pretty(&mut written).unwrap();
    let pretty = String::from_utf8(written).unwrap();
    assert_eq!(pretty, ERRORS.to_json_pretty());
    assert!(pretty.starts_with(
        "{\n  \"version\": 1,\n  \"errors\": [\n    {\n      \"code\": \"user_exists\",\n"
    ));
    assert!(pretty.ends_with("\n  ]\n}\n"));
    assert_eq!(
        serde_json::from_str::<Value>(&pretty).unwrap(),
        serde_json::from_str::<Value>(&ERRORS.to_json()).unwrap()
    );
}

#[test]
fn markdown_page_in_each_category_format() {
    let page = ERRORS.markdown().intro("").to_string();
    let expected = r#"# Error Codes

## User errors

### `user_exists`: User exists

**HTTP status:** 409 Conflict · **Retryable:** no

A user with this email already exists.

```json
{
  "type": "https://docs.example.com/users/user_exists",
  "title": "User exists",
  "status": 409,
  "detail": "ada@example.com is taken",
  "code": "user_exists",
  "email": "ada@example.com"
}
```

**Docs:** <https://docs.example.com/users/user_exists>

### `user_not_found`: User not found

**HTTP status:** 404 Not Found · **Retryable:** no

The user does not exist.

```json
{
  "type": "https://docs.example.com/users/user_not_found",
  "title": "User not found",
  "status": 404,
  "detail": "User not found",
  "code": "user_not_found",
  "user_id": 1,
  "deleted": true
}
```

**Docs:** <https://docs.example.com/users/user_not_found>

## Order errors

### `order_not_found`: Order not found

**HTTP status:** 404 Not Found · **Retryable:** no

The order does not exist.

```json
{
  "code": "order_not_found",
  "message": "Order ord_8f2k1 not found",
  "details": {
    "order_id": "ord_8f2k1"
  }
}
```

**Resolution:** Verify the order ID.

**Docs:** <https://docs.example.com/orders/errors/order_not_found>

### `conflict`: Conflict

**HTTP status:** 409 Conflict · **Retryable:** no

An order with this idempotency key was already placed.

```json
{
  "code": "conflict",
  "message": "The order already exists"
}
```

**Possible causes:**

- The request was retried after a timeout.
- Two clients share a key.

**Docs:** <https://docs.example.com/orders/errors/conflict>

### `payment_unavailable`: Payment unavailable

**HTTP status:** 503 Service Unavailable · **Retryable:** yes · **Retry-After:** 30 seconds

The payment provider is down.

```json
{
  "code": "payment_unavailable",
  "message": "Payments are temporarily unavailable"
}
```

**Docs:** <https://docs.example.com/orders/errors/payment_unavailable>
"#;
    assert_eq!(page, expected);
}

#[test]
fn markdown_format_override() {
    let page = catalog!(OrderError)
        .markdown()
        .title("Orders")
        .intro("Errors of the orders API.")
        .format(Format::Compact)
        .to_string();
    assert!(page.starts_with("# Orders\n\nErrors of the orders API.\n\n## Order errors\n"));
    assert!(page.contains(
        "```json\n{\n  \"error\": \"conflict\",\n  \"message\": \"The order already exists\",\n  \"status\": 409\n}\n```"
    ));
}

#[test]
fn openapi_pins_codes_per_status_and_format() {
    let doc = ERRORS.openapi().title("Shop").version("2.1.0").value();
    let one_code = |code: &str, body: &str| {
        let body = format!("#/components/schemas/{body}");
        json!({
            "oneOf": [{"$ref": body}],
            "discriminator": {"propertyName": "code", "mapping": {code: body}},
        })
    };
    let problem_409 = one_code("user_exists", "UserExistsBody");
    let flat_409 = one_code("conflict", "ConflictBody");
    assert_eq!(
        doc["components"]["responses"]["Error409"],
        json!({
            "description": "Conflict: `user_exists`, `conflict`.",
            "content": {
                "application/json": {
                    "schema": flat_409,
                    "examples": {"conflict": {
                        "summary": "Conflict",
                        "description": "An order with this idempotency key was already placed.",
                        "value": {"code": "conflict", "message": "The order already exists"},
                    }},
                },
                "application/problem+json": {
                    "schema": problem_409,
                    "examples": {"user_exists": {
                        "summary": "User exists",
                        "description": "A user with this email already exists.",
                        "value": {
                            "type": "https://docs.example.com/users/user_exists",
                            "title": "User exists",
                            "status": 409,
                            "detail": "ada@example.com is taken",
                            "code": "user_exists",
                            "email": "ada@example.com",
                        },
                    }},
                },
            },
        })
    );
    assert_eq!(
        doc["components"]["responses"]["Error503"]["headers"],
        json!({"Retry-After": {"$ref": "#/components/headers/Retry-After"}})
    );
    assert!(
        doc["components"]["responses"]["Error404"]
            .get("headers")
            .is_none()
    );
    assert_eq!(
        doc["components"]["headers"]["Retry-After"]["schema"],
        json!({"type": "integer", "minimum": 0})
    );
    let schemas: Vec<&String> = doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        schemas,
        // By name: a `Value` sorts its members.
        [
            "ConflictBody",
            "FlatError",
            "OrderNotFoundBody",
            "OrderNotFoundDetails",
            "PaymentUnavailableBody",
            "ProblemDetails",
            "UserExistsBody",
            "UserNotFoundBody",
        ]
    );
    assert_eq!(doc["info"], json!({"title": "Shop", "version": "2.1.0"}));
}

#[test]
fn openapi_shares_a_content_type_between_formats_with_one_of() {
    let doc = ERRORS.openapi().format(Format::Google).value();
    let schema =
        &doc["components"]["responses"]["Error404"]["content"]["application/json"]["schema"];
    // The code is inside the `error` object: no discriminator.
    assert_eq!(
        *schema,
        json!({"oneOf": [
            {"$ref": "#/components/schemas/UserNotFoundBody"},
            {"$ref": "#/components/schemas/OrderNotFoundBody"},
        ]})
    );
    let reason = |body: &str| {
        doc["components"]["schemas"][body]["properties"]["error"]["properties"]["details"]
            ["contains"]["properties"]["reason"]
            .clone()
    };
    assert_eq!(
        reason("UserNotFoundBody"),
        json!({"type": "string", "enum": ["USER_NOT_FOUND"]})
    );
    assert_eq!(
        reason("OrderNotFoundBody"),
        json!({"type": "string", "enum": ["ORDER_NOT_FOUND"]})
    );
    // Nested and Flat codes at one status: one media type, a oneOf of both bodies, no
    // discriminator (Flat's code is a top-level member, Nested's is not).
    let mixed = catalog!(OrderError, NestedError).openapi().value();
    let schema =
        &mixed["components"]["responses"]["Error404"]["content"]["application/json"]["schema"];
    assert_eq!(
        *schema,
        json!({"oneOf": [
            {"$ref": "#/components/schemas/OrderNotFoundBody"},
            {"$ref": "#/components/schemas/GoneBody"},
        ]})
    );
    let schemas = &mixed["components"]["schemas"];
    assert_eq!(
        schemas["OrderNotFoundBody"]["properties"]["code"],
        json!({"type": "string", "enum": ["order_not_found"]})
    );
    assert_eq!(
        schemas["GoneBody"]["properties"]["error"]["properties"]["code"],
        json!({"type": "string", "enum": ["gone"]})
    );
}

/// A nested-format type for the mixed-format OpenAPI test.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum NestedError {
    /// Gone.
    #[error(code = "gone", status = 404, message = "Gone")]
    Gone,
}

// --- the compatibility guard -------------------------------------------------------

/// The JSON export of `ERRORS`, edited by `edit`, as a baseline.
fn baseline(edit: impl FnOnce(&mut Vec<Value>)) -> String {
    let mut doc: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    edit(doc["errors"].as_array_mut().unwrap());
    doc.to_string()
}

fn entry<'a>(errors: &'a mut [Value], code: &str) -> &'a mut Value {
    errors.iter_mut().find(|e| e["code"] == code).unwrap()
}

fn changes(baseline: &str) -> Vec<String> {
    let report = ERRORS.compare(baseline).unwrap();
    report.changes().iter().map(ToString::to_string).collect()
}

#[test]
fn unchanged_catalog_has_no_changes() {
    let report = ERRORS.compare(&ERRORS.to_json()).unwrap();
    assert!(report.is_empty());
    assert!(!report.is_breaking());
    assert_eq!(report.to_string(), "");
}

#[test]
fn code_removed_is_breaking() {
    let old = baseline(|errors| {
        let mut gone = errors[0].clone();
        gone["code"] = json!("user_banned");
        errors.push(gone);
    });
    let report = ERRORS.compare(&old).unwrap();
    assert_eq!(
        report.changes(),
        [Change::CodeRemoved {
            code: "user_banned".into()
        }]
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.to_string(),
        "1 breaking change:\n  - code `user_banned` was removed\n"
    );
}

#[test]
fn status_and_retryable_changes_are_breaking() {
    let old = baseline(|errors| {
        entry(errors, "conflict")["status"] = json!(400);
        entry(errors, "payment_unavailable")["retryable"] = json!(false);
    });
    assert_eq!(
        changes(&old),
        [
            "code `conflict`: status changed from 400 to 409",
            "code `payment_unavailable`: retryable changed from false to true",
        ]
    );
    assert!(ERRORS.compare(&old).unwrap().is_breaking());
}

#[test]
fn field_removed_or_retyped_is_breaking() {
    let old = baseline(|errors| {
        let details = entry(errors, "user_not_found")["details"]
            .as_array_mut()
            .unwrap();
        details.push(json!({"name": "reason", "type": "string"}));
        details[0]["type"] = json!("string");
    });
    let report = ERRORS.compare(&old).unwrap();
    assert_eq!(
        report.changes(),
        [
            Change::FieldRetyped {
                code: "user_not_found".into(),
                field: "user_id".into(),
                from: "string".into(),
                to: "integer".into(),
            },
            Change::FieldRemoved {
                code: "user_not_found".into(),
                field: "reason".into()
            },
        ]
    );
    assert_eq!(
        report.to_string(),
        "2 breaking changes:\n\
         \x20 - code `user_not_found`: detail field `user_id` changed type from string to integer\n\
         \x20 - code `user_not_found`: detail field `reason` was removed\n"
    );
}

#[test]
fn a_field_made_optional_is_breaking_and_made_required_is_not() {
    // `deleted` is an `Option` now; the baseline always sent it.
    let old = baseline(|errors| {
        let details = entry(errors, "user_not_found")["details"]
            .as_array_mut()
            .unwrap();
        assert_eq!(details[1]["optional"], true);
        details[1].as_object_mut().unwrap().remove("optional");
    });
    let report = ERRORS.compare(&old).unwrap();
    assert_eq!(
        report.changes(),
        [Change::FieldMadeOptional {
            code: "user_not_found".into(),
            field: "deleted".into(),
        }]
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.to_string(),
        "1 breaking change:\n\
         \x20 - code `user_not_found`: detail field `deleted` may now be left out\n"
    );
    // The other way round (a field the baseline could leave out is always sent now)
    // breaks no client.
    let old = baseline(|errors| {
        entry(errors, "user_not_found")["details"][0]["optional"] = json!(true);
    });
    assert!(ERRORS.compare(&old).unwrap().changes().is_empty());
}

#[test]
fn new_codes_new_fields_and_text_are_compatible() {
    let old = baseline(|errors| {
        errors.retain(|e| e["code"] != "conflict");
        let user = entry(errors, "user_not_found");
        user["details"].as_array_mut().unwrap().pop();
        user["message_template"] = json!("No such user");
        user["description"] = json!("Old text.");
        entry(errors, "order_not_found")["causes"] = json!(["Typo."]);
    });
    let report = ERRORS.compare(&old).unwrap();
    assert!(!report.is_breaking());
    assert!(report.changes().iter().all(|change| !change.is_breaking()));
    assert_eq!(
        report.to_string(),
        "5 compatible changes:\n\
         \x20 - code `user_not_found`: detail field `deleted` was added\n\
         \x20 - code `user_not_found`: message_template changed\n\
         \x20 - code `user_not_found`: description changed\n\
         \x20 - code `order_not_found`: causes changed\n\
         \x20 - code `conflict` was added\n"
    );
}

#[test]
fn breaking_and_compatible_changes_are_reported_apart() {
    let old = baseline(|errors| {
        errors.retain(|e| e["code"] != "conflict");
        entry(errors, "user_exists")["status"] = json!(400);
    });
    assert_eq!(
        ERRORS.compare(&old).unwrap().to_string(),
        "1 breaking change:\n  - code `user_exists`: status changed from 400 to 409\n\
         1 compatible change:\n  - code `conflict` was added\n"
    );
}

#[test]
fn a_trimmed_baseline_is_enough() {
    let old = r#"{"version": 1, "errors": [
        {"code": "conflict", "status": 409, "retryable": false, "details": []}
    ]}"#;
    assert!(!ERRORS.compare(old).unwrap().is_breaking());
}

#[test]
fn unreadable_baselines_are_errors_not_panics() {
    let cases = [
        (
            "",
            "invalid error catalog baseline: not JSON: EOF while parsing a value at line 1 column 0",
        ),
        ("[]", "invalid error catalog baseline: no `version` member"),
        (
            r#"{"version": 2, "errors": []}"#,
            "invalid error catalog baseline: schema version 2, this crate reads version 1",
        ),
        (
            r#"{"version": 1}"#,
            "invalid error catalog baseline: no `errors` array",
        ),
        (
            r#"{"version": 1, "errors": [{"code": "a"}]}"#,
            "invalid error catalog baseline: errors[0] has no valid `status`",
        ),
        (
            r#"{"version": 1, "errors": [{"code": "a", "status": 70000, "retryable": true, "details": []}]}"#,
            "invalid error catalog baseline: errors[0] has no valid `status`",
        ),
        (
            r#"{"version": 1, "errors": [{"code": "a", "status": 400, "retryable": true, "details": [{"name": 1}]}]}"#,
            "invalid error catalog baseline: errors[0] has no valid `details[].name/type/optional`",
        ),
        (
            r#"{"version": 1, "errors": [{"code": "a", "status": 400, "retryable": true, "details": [{"name": "a", "type": "string", "optional": "yes"}]}]}"#,
            "invalid error catalog baseline: errors[0] has no valid `details[].name/type/optional`",
        ),
        (
            r#"{"version": 1, "errors": [{"code": "a", "status": 400, "retryable": true, "details": [], "headers": ["X-A", 1]}]}"#,
            "invalid error catalog baseline: errors[0] has no valid `headers`",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(ERRORS.compare(text).unwrap_err().to_string(), message);
    }
}

// --- headers sent from fields -------------------------------------------------------

/// Quota errors: two codes at 429 send one header (spelled in two cases), a third sends
/// none.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum QuotaError {
    /// The monthly quota is used up.
    #[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
    Quota {
        #[error(header = "X-RateLimit-Limit")]
        limit: u32,
        #[error(retry_after, header = "X-RateLimit-Reset")]
        reset_in: u64,
    },

    /// Too many requests at once.
    #[error(code = "burst_exceeded", status = 429, message = "Slow down")]
    Burst {
        #[error(header = "x-ratelimit-limit")]
        limit: u32,
    },

    /// The plan has no quota left to raise.
    #[error(
        code = "plan_maxed",
        status = 403,
        message = "The plan is at its maximum"
    )]
    PlanMaxed,
}

static QUOTAS: Catalog = catalog!(QuotaError);

#[test]
fn headers_from_fields_are_in_every_export() {
    let specs = QuotaError::CATALOG;
    assert_eq!(
        specs[0].headers(),
        ["X-RateLimit-Limit", "X-RateLimit-Reset"]
    );
    assert_eq!(specs[1].headers(), ["x-ratelimit-limit"]);
    assert!(specs[2].headers().is_empty());

    // JSON: a `headers` member only where there are some.
    let doc: Value = serde_json::from_str(&QUOTAS.to_json()).unwrap();
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(
        errors[0]["headers"],
        json!(["X-RateLimit-Limit", "X-RateLimit-Reset"])
    );
    assert_eq!(errors[1]["headers"], json!(["x-ratelimit-limit"]));
    assert!(errors[2].get("headers").is_none());

    // Markdown: on the status line.
    let page = QUOTAS.to_markdown();
    assert!(page.contains(
        "**HTTP status:** 429 Too Many Requests · **Retryable:** yes · **Retry-After:** the \
         `reset_in` detail, in seconds · **Headers:** `X-RateLimit-Limit`, `X-RateLimit-Reset`\n"
    ));
    assert!(page.contains(
        "**HTTP status:** 429 Too Many Requests · **Retryable:** yes · **Headers:** \
         `x-ratelimit-limit`\n"
    ));
    assert!(page.contains("**HTTP status:** 403 Forbidden · **Retryable:** no\n"));

    // OpenAPI: each header once per status, with the codes that send it.
    let doc = QUOTAS.openapi().value();
    assert_eq!(
        doc["components"]["responses"]["Error429"]["headers"],
        json!({
            "Retry-After": {"$ref": "#/components/headers/Retry-After"},
            "X-RateLimit-Limit": {
                "description": "Sent with `quota_exceeded`, `burst_exceeded`.",
                "schema": {"type": "string"},
            },
            "X-RateLimit-Reset": {
                "description": "Sent with `quota_exceeded`.",
                "schema": {"type": "string"},
            },
        })
    );
    assert!(
        doc["components"]["responses"]["Error403"]
            .get("headers")
            .is_none()
    );
}

#[test]
fn a_header_no_longer_sent_is_breaking_and_a_new_one_compatible() {
    let mut doc: Value = serde_json::from_str(&QUOTAS.to_json()).unwrap();
    let errors = doc["errors"].as_array_mut().unwrap();
    // The baseline sent `X-Quota-Left` (gone now) and not `X-RateLimit-Reset` (new);
    // `X-RATELIMIT-LIMIT` is the same header as `X-RateLimit-Limit`.
    errors[0]["headers"] = json!(["X-RATELIMIT-LIMIT", "X-Quota-Left"]);
    let report = QUOTAS.compare(&doc.to_string()).unwrap();
    assert_eq!(
        report.changes(),
        [
            Change::HeaderRemoved {
                code: "quota_exceeded".into(),
                header: "X-Quota-Left".into(),
            },
            Change::HeaderAdded {
                code: "quota_exceeded".into(),
                header: "X-RateLimit-Reset".into(),
            },
        ]
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.to_string(),
        "1 breaking change:\n\
         \x20 - code `quota_exceeded`: header `X-Quota-Left` is no longer sent\n\
         1 compatible change:\n\
         \x20 - code `quota_exceeded`: header `X-RateLimit-Reset` is now sent\n"
    );
    // A baseline from before headers were exported: every header is new.
    errors_without_headers(&mut doc);
    let report = QUOTAS.compare(&doc.to_string()).unwrap();
    assert!(!report.is_breaking());
    assert_eq!(report.changes().len(), 3);
}

fn errors_without_headers(doc: &mut Value) {
    for entry in doc["errors"].as_array_mut().unwrap() {
        entry.as_object_mut().unwrap().remove("headers");
    }
}

// --- assert_compatible, run in a child process to control its environment ----------

/// A fresh scratch file path under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("catalog-guard");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Runs `guard_child` (below) in a child test process; returns (success, stderr).
fn run_guard(path: &PathBuf, bless: bool) -> (bool, String) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["guard_child", "--exact", "--ignored", "--nocapture"])
        .env("GUARD_CHILD_BASELINE", path)
        .env_remove(BLESS_VAR);
    if bless {
        command.env(BLESS_VAR, "1");
    }
    let output = command.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
#[ignore = "run by the assert_compatible tests in a child process"]
fn guard_child() {
    let path = std::env::var_os("GUARD_CHILD_BASELINE").unwrap();
    error_catalog::guard::assert_compatible(&ERRORS, path);
}

#[test]
fn assert_compatible_fails_on_a_missing_baseline_and_bless_creates_it() {
    let path = scratch("missing.json");
    let (ok, stderr) = run_guard(&path, false);
    assert!(!ok);
    assert!(
        stderr.contains("cannot read the error catalog baseline"),
        "{stderr}"
    );
    assert!(
        stderr.contains("create it with ERROR_CATALOG_BLESS=1 cargo test"),
        "{stderr}"
    );

    let (ok, stderr) = run_guard(&path, true);
    assert!(ok, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ERRORS.to_json_pretty()
    );
    assert!(run_guard(&path, false).0);
}

#[test]
fn assert_compatible_fails_with_the_diff_and_bless_accepts_it() {
    let path = scratch("breaking.json");
    std::fs::write(
        &path,
        baseline(|errors| entry(errors, "conflict")["status"] = json!(422)),
    )
    .unwrap();
    let (ok, stderr) = run_guard(&path, false);
    assert!(!ok);
    let expected = format!(
        "the error catalog breaks clients written against {}\n\
         1 breaking change:\n  - code `conflict`: status changed from 422 to 409\n\
         If the break is intended, accept it with ERROR_CATALOG_BLESS=1 cargo test",
        path.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");

    assert!(run_guard(&path, true).0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ERRORS.to_json_pretty()
    );
    assert!(run_guard(&path, false).0);
}

#[test]
fn assert_compatible_passes_compatible_changes_with_a_reminder() {
    let path = scratch("compatible.json");
    std::fs::write(
        &path,
        baseline(|errors| errors.retain(|e| e["code"] != "conflict")),
    )
    .unwrap();
    let (ok, stderr) = run_guard(&path, false);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("1 compatible change:\n  - code `conflict` was added\nrecord them with ERROR_CATALOG_BLESS=1 cargo test"),
        "{stderr}"
    );
}
