// The error codes of this API, generated from its error catalog: regenerate this file
// rather than edit it.

/** Every error code of the API. */
export type ErrorCode = "invalid_credentials" | "token_expired" | "token_invalid" | "insufficient_scope" | "no_seats_available" | "license_expired" | "license_suspended" | "session_timeout" | "heartbeat_missed" | "invalid_hardware_id" | "validation_error" | "invalid_request" | "not_found" | "already_exists" | "rate_limit_exceeded" | "internal_error" | "service_unavailable";

/** A wire format of the catalog's error bodies. */
export type Format = "nested" | "flat" | "compact" | "problem" | "google";

/** A field-level validation error, as Nested (and Compact, Google) bodies list them. */
export interface FieldErrorItem {
  field: string;
  code?: string;
  message: string;
}

/** A field-level validation error of a Flat body, under the field's own key. */
export interface FieldErrorEntry {
  code?: string;
  message: string;
}

/** A field-level validation error of an RFC 9457 body: `pointer` is a JSON Pointer to the field, as a URI fragment. */
export interface FieldErrorPointer {
  detail: string;
  pointer: string;
  code?: string;
}

/** A `google.rpc` detail that follows the `ErrorInfo` of a Google body (`RetryInfo`, `RequestInfo`). */
export interface GoogleDetail {
  "@type": string;
  [member: string]: unknown;
}

/**
 * The email/password combination is incorrect.
 *
 * `invalid_credentials`: HTTP 401, not retryable.
 */
export interface InvalidCredentialsBody {
  error: {
    code: "invalid_credentials";
    message: string;
  };
  meta?: { request_id: string };
}

/**
 * The details of `token_expired`.
 *
 * The access token has expired.
 */
export interface TokenExpiredDetails {
  expired_at: string;
}

/**
 * The access token has expired.
 *
 * `token_expired`: HTTP 401, not retryable.
 */
export interface TokenExpiredBody {
  error: {
    code: "token_expired";
    message: string;
    details: TokenExpiredDetails;
  };
  meta?: { request_id: string };
}

/**
 * The token is malformed or has been revoked.
 *
 * `token_invalid`: HTTP 401, not retryable.
 */
export interface TokenInvalidBody {
  error: {
    code: "token_invalid";
    message: string;
  };
  meta?: { request_id: string };
}

/**
 * The details of `insufficient_scope`.
 *
 * The token doesn't have required permissions.
 */
export interface InsufficientScopeDetails {
  required_scope: string;
  current_scopes: string[];
}

/**
 * The token doesn't have required permissions.
 *
 * `insufficient_scope`: HTTP 403, not retryable.
 */
export interface InsufficientScopeBody {
  error: {
    code: "insufficient_scope";
    message: string;
    details: InsufficientScopeDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `no_seats_available`.
 *
 * All license seats are currently in use.
 */
export interface NoSeatsAvailableDetails {
  max_seats: number;
  active_seats: number;
  next_available_hint?: string;
}

/**
 * All license seats are currently in use.
 *
 * `no_seats_available`: HTTP 409, not retryable.
 */
export interface NoSeatsAvailableBody {
  error: {
    code: "no_seats_available";
    message: string;
    details: NoSeatsAvailableDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `license_expired`.
 *
 * The license has passed its expiration date.
 */
export interface LicenseExpiredDetails {
  expired_at: string;
  license_id: string;
}

/**
 * The license has passed its expiration date.
 *
 * `license_expired`: HTTP 403, not retryable.
 */
export interface LicenseExpiredBody {
  error: {
    code: "license_expired";
    message: string;
    details: LicenseExpiredDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `license_suspended`.
 *
 * The license has been suspended (usually due to payment issues).
 */
export interface LicenseSuspendedDetails {
  reason: string;
  suspended_at: string;
}

/**
 * The license has been suspended (usually due to payment issues).
 *
 * `license_suspended`: HTTP 403, not retryable.
 */
export interface LicenseSuspendedBody {
  error: {
    code: "license_suspended";
    message: string;
    details: LicenseSuspendedDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `session_timeout`.
 *
 * The session expired due to missed heartbeats.
 */
export interface SessionTimeoutDetails {
  last_heartbeat: string;
  timeout_at: string;
}

/**
 * The session expired due to missed heartbeats.
 *
 * `session_timeout`: HTTP 410, not retryable.
 */
export interface SessionTimeoutBody {
  error: {
    code: "session_timeout";
    message: string;
    details: SessionTimeoutDetails;
  };
  meta?: { request_id: string };
}

/**
 * A heartbeat arrived after the session had ended.
 *
 * `heartbeat_missed`: HTTP 410, not retryable.
 *
 * @deprecated since 1.4.0: the end of a session is always reported as `session_timeout`. Replaced by `session_timeout`.
 */
export interface HeartbeatMissedBody {
  error: {
    code: "heartbeat_missed";
    message: string;
  };
  meta?: { request_id: string };
}

/**
 * The details of `invalid_hardware_id`.
 *
 * The hardware ID format is invalid or unrecognized.
 */
export interface InvalidHardwareIdDetails {
  provided: string;
  expected_format: string;
}

/**
 * The hardware ID format is invalid or unrecognized.
 *
 * `invalid_hardware_id`: HTTP 400, not retryable.
 */
export interface InvalidHardwareIdBody {
  error: {
    code: "invalid_hardware_id";
    message: string;
    details: InvalidHardwareIdDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `validation_error`.
 *
 * Request body failed validation.
 */
export interface ValidationErrorDetails {
  errors: FieldErrorItem[];
}

/**
 * Request body failed validation.
 *
 * `validation_error`: HTTP 422, not retryable.
 */
export interface ValidationErrorBody {
  error: {
    code: "validation_error";
    message: string;
    details: ValidationErrorDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `invalid_request`.
 *
 * The request is malformed.
 */
export interface InvalidRequestDetails {
  parse_error: string;
}

/**
 * The request is malformed.
 *
 * `invalid_request`: HTTP 400, not retryable.
 */
export interface InvalidRequestBody {
  error: {
    code: "invalid_request";
    message: string;
    details: InvalidRequestDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `not_found`.
 *
 * The requested resource doesn't exist.
 */
export interface NotFoundDetails {
  resource_type: string;
  resource_id: string;
}

/**
 * The requested resource doesn't exist.
 *
 * `not_found`: HTTP 404, not retryable.
 */
export interface NotFoundBody {
  error: {
    code: "not_found";
    message: string;
    details: NotFoundDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `already_exists`.
 *
 * A resource with this identifier already exists.
 */
export interface AlreadyExistsDetails {
  field: string;
  value: string;
}

/**
 * A resource with this identifier already exists.
 *
 * `already_exists`: HTTP 409, not retryable.
 */
export interface AlreadyExistsBody {
  error: {
    code: "already_exists";
    message: string;
    details: AlreadyExistsDetails;
  };
  meta?: { request_id: string };
}

/**
 * The details of `rate_limit_exceeded`.
 *
 * Too many requests in the time window.
 */
export interface RateLimitExceededDetails {
  limit: number;
  window: string;
  retry_after: number;
}

/**
 * Too many requests in the time window.
 *
 * `rate_limit_exceeded`: HTTP 429, retryable.
 */
export interface RateLimitExceededBody {
  error: {
    code: "rate_limit_exceeded";
    message: string;
    details: RateLimitExceededDetails;
  };
  meta?: { request_id: string };
}

/**
 * An unexpected error occurred.
 *
 * `internal_error`: HTTP 500, not retryable.
 */
export interface InternalErrorBody {
  error: {
    code: "internal_error";
    message: string;
  };
  meta?: { request_id: string };
}

/**
 * The service is temporarily unavailable.
 *
 * `service_unavailable`: HTTP 503, retryable.
 */
export interface ServiceUnavailableBody {
  error: {
    code: "service_unavailable";
    message: string;
  };
  meta?: { request_id: string };
}

/** The body of every error code, which narrows on its code. */
export type ErrorBody = InvalidCredentialsBody | TokenExpiredBody | TokenInvalidBody | InsufficientScopeBody | NoSeatsAvailableBody | LicenseExpiredBody | LicenseSuspendedBody | SessionTimeoutBody | HeartbeatMissedBody | InvalidHardwareIdBody | ValidationErrorBody | InvalidRequestBody | NotFoundBody | AlreadyExistsBody | RateLimitExceededBody | InternalErrorBody | ServiceUnavailableBody;

/** The body of each error code, by code. */
export interface ErrorBodies {
  "invalid_credentials": InvalidCredentialsBody;
  "token_expired": TokenExpiredBody;
  "token_invalid": TokenInvalidBody;
  "insufficient_scope": InsufficientScopeBody;
  "no_seats_available": NoSeatsAvailableBody;
  "license_expired": LicenseExpiredBody;
  "license_suspended": LicenseSuspendedBody;
  "session_timeout": SessionTimeoutBody;
  "heartbeat_missed": HeartbeatMissedBody;
  "invalid_hardware_id": InvalidHardwareIdBody;
  "validation_error": ValidationErrorBody;
  "invalid_request": InvalidRequestBody;
  "not_found": NotFoundBody;
  "already_exists": AlreadyExistsBody;
  "rate_limit_exceeded": RateLimitExceededBody;
  "internal_error": InternalErrorBody;
  "service_unavailable": ServiceUnavailableBody;
}

/** The HTTP status of each error code. */
export const STATUS: { readonly [C in ErrorCode]: number } = {
  "invalid_credentials": 401,
  "token_expired": 401,
  "token_invalid": 401,
  "insufficient_scope": 403,
  "no_seats_available": 409,
  "license_expired": 403,
  "license_suspended": 403,
  "session_timeout": 410,
  "heartbeat_missed": 410,
  "invalid_hardware_id": 400,
  "validation_error": 422,
  "invalid_request": 400,
  "not_found": 404,
  "already_exists": 409,
  "rate_limit_exceeded": 429,
  "internal_error": 500,
  "service_unavailable": 503,
};

/** Whether a client may retry the request of each error code unchanged. */
export const RETRYABLE: { readonly [C in ErrorCode]: boolean } = {
  "invalid_credentials": false,
  "token_expired": false,
  "token_invalid": false,
  "insufficient_scope": false,
  "no_seats_available": false,
  "license_expired": false,
  "license_suspended": false,
  "session_timeout": false,
  "heartbeat_missed": false,
  "invalid_hardware_id": false,
  "validation_error": false,
  "invalid_request": false,
  "not_found": false,
  "already_exists": false,
  "rate_limit_exceeded": true,
  "internal_error": false,
  "service_unavailable": true,
};

// What isErrorBody checks of each code: its format, then each detail member with
// its kind, 1 when it is always sent; "*" stands for members known only at run time.
const SHAPES: { readonly [code: string]: readonly [Format, ...(readonly [string, Kind, 0 | 1])[]] } = {
  "invalid_credentials": ["nested"],
  "token_expired": ["nested", ["expired_at", "string", 1]],
  "token_invalid": ["nested"],
  "insufficient_scope": ["nested", ["required_scope", "string", 1], ["current_scopes", "array", 1]],
  "no_seats_available": ["nested", ["max_seats", "number", 1], ["active_seats", "number", 1], ["next_available_hint", "string", 0]],
  "license_expired": ["nested", ["expired_at", "string", 1], ["license_id", "string", 1]],
  "license_suspended": ["nested", ["reason", "string", 1], ["suspended_at", "string", 1]],
  "session_timeout": ["nested", ["last_heartbeat", "string", 1], ["timeout_at", "string", 1]],
  "heartbeat_missed": ["nested"],
  "invalid_hardware_id": ["nested", ["provided", "string", 1], ["expected_format", "string", 1]],
  "validation_error": ["nested", ["errors", "items", 1]],
  "invalid_request": ["nested", ["parse_error", "string", 1]],
  "not_found": ["nested", ["resource_type", "string", 1], ["resource_id", "string", 1]],
  "already_exists": ["nested", ["field", "string", 1], ["value", "string", 1]],
  "rate_limit_exceeded": ["nested", ["limit", "number", 1], ["window", "string", 1], ["retry_after", "number", 1]],
  "internal_error": ["nested"],
  "service_unavailable": ["nested"],
};

// The error code of each Google `ErrorInfo.reason`.
const REASONS: { readonly [reason: string]: ErrorCode } = {
};

type Kind = "string" | "number" | "boolean" | "array" | "object" | "any" | "items" | "pointers" | "entry";

type JsonObject = { readonly [member: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isFieldError(value: unknown, text: string, place: string): boolean {
  return (
    isObject(value) &&
    typeof own(value, text) === "string" &&
    typeof own(value, place) === "string" &&
    isOptionalString(own(value, "code"))
  );
}

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === kind;
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "items":
      return Array.isArray(value) && value.every((item) => isFieldError(item, "message", "field"));
    case "pointers":
      return Array.isArray(value) && value.every((item) => isFieldError(item, "detail", "pointer"));
    case "entry":
      return isObject(value) && typeof own(value, "message") === "string" && isOptionalString(own(value, "code"));
    default:
      return true;
  }
}

function hasDetails(details: unknown, members: readonly (readonly [string, Kind, 0 | 1])[]): boolean {
  if (!isObject(details)) {
    return false;
  }
  let rest: Kind | undefined;
  const known = new Set<string>();
  for (const [key, kind, required] of members) {
    if (key === "*") {
      rest = kind;
      continue;
    }
    known.add(key);
    const value = own(details, key);
    if (value === undefined ? required === 1 : !isKind(value, kind)) {
      return false;
    }
  }
  return rest === undefined || Object.keys(details).every((key) => known.has(key) || isKind(details[key], rest));
}

/** Whether `value` (a parsed JSON body) is the body of one of the API's error codes. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!isObject(value)) {
    return false;
  }
  const error = own(value, "error");
  let code: unknown;
  if (typeof error === "string") {
    code = error;
  } else if (isObject(error)) {
    const details = own(error, "details");
    code = typeof own(error, "code") === "number"
      ? Array.isArray(details) && isObject(details[0]) && typeof details[0].reason === "string"
        ? own(REASONS, details[0].reason)
        : undefined
      : own(error, "code");
  } else {
    code = own(value, "code");
  }
  if (typeof code !== "string") {
    return false;
  }
  const shape = own(SHAPES, code) as (typeof SHAPES)[string] | undefined;
  if (shape === undefined) {
    return false;
  }
  const [format, ...members] = shape;
  const status = STATUS[code as ErrorCode];
  const detailed = members.length > 0;
  switch (format) {
    case "nested": {
      const meta = own(value, "meta");
      return (
        isObject(error) &&
        typeof own(error, "message") === "string" &&
        (detailed ? hasDetails(own(error, "details"), members) : own(error, "details") === undefined) &&
        (meta === undefined || (isObject(meta) && typeof own(meta, "request_id") === "string"))
      );
    }
    case "flat":
      return (
        error === undefined &&
        typeof own(value, "message") === "string" &&
        (detailed ? hasDetails(own(value, "details"), members) : own(value, "details") === undefined) &&
        isOptionalString(own(value, "request_id"))
      );
    case "compact":
      return (
        typeof own(value, "message") === "string" &&
        own(value, "status") === status &&
        isOptionalString(own(value, "request_id"))
      );
    case "problem":
      return (
        typeof own(value, "type") === "string" &&
        typeof own(value, "title") === "string" &&
        own(value, "status") === status &&
        typeof own(value, "detail") === "string" &&
        isOptionalString(own(value, "instance")) &&
        isOptionalString(own(value, "request_id")) &&
        hasDetails(value, members)
      );
    case "google": {
      if (!isObject(error) || own(error, "code") !== status || typeof own(error, "message") !== "string" || typeof own(error, "status") !== "string") {
        return false;
      }
      const list = own(error, "details");
      if (!Array.isArray(list)) {
        return false;
      }
      const [info, ...others]: unknown[] = list;
      if (!isObject(info) || own(info, "@type") !== "type.googleapis.com/google.rpc.ErrorInfo" || !isOptionalString(own(info, "domain"))) {
        return false;
      }
      const metadata = own(info, "metadata");
      return (
        (detailed ? hasDetails(metadata === undefined ? {} : metadata, members) : metadata === undefined || isObject(metadata)) &&
        others.every((detail) => isObject(detail) && typeof own(detail, "@type") === "string")
      );
    }
    default:
      return false;
  }
}
