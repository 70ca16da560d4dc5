//! The hook through which `#[derive(ApiError)]` implements framework traits.
//!
//! A foreign trait cannot be implemented for every `E: ApiError` (the orphan rule), so
//! the derive's expansion ends with one call,
//! `__impl_integrations! { [impl generics] Type [type generics] [where predicates,] }`,
//! and this macro forwards it to one macro per integration. Each of those expands to
//! the trait impls when its cargo feature of `error-catalog` is enabled and to nothing
//! otherwise, so a crate that enables no integration pays for one empty expansion per
//! derive. The impls are one-line forwards to functions in the integration's module.

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_integrations {
    ($($input:tt)*) => {
        $crate::__impl_axum! { $($input)* }
        $crate::__impl_actix_web! { $($input)* }
        $crate::__impl_tonic! { $($input)* }
        $crate::__impl_utoipa! { $($input)* }
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($impl:tt)*] $ty:ident [$($args:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::axum::IntoResponse for $ty $($args)*
        where
            $($where)*
            Self: $crate::ApiError,
        {
            #[inline]
            fn into_response(self) -> $crate::__private::axum::Response {
                $crate::axum::response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($input:tt)*) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($impl:tt)*] $ty:ident [$($args:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::actix_web::ResponseError for $ty $($args)*
        where
            $($where)*
            Self: $crate::ApiError,
        {
            #[inline]
            fn status_code(&self) -> $crate::__private::actix_web::StatusCode {
                $crate::actix::status_code(self)
            }
            #[inline]
            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix::response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ([$($impl:tt)*] $ty:ident [$($args:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::core::convert::From<$ty $($args)*>
            for $crate::__private::tonic::Status
        where
            $($where)*
            $ty $($args)*: $crate::ApiError,
        {
            #[inline]
            fn from(error: $ty $($args)*) -> Self {
                $crate::tonic::status(&error)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ($($input:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($impl:tt)*] $ty:ident [$($args:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::utoipa::IntoResponses for $ty $($args)*
        where
            $($where)*
            Self: $crate::ErrorCatalog,
        {
            fn responses() -> $crate::__private::utoipa::Responses {
                $crate::utoipa::responses(<Self as $crate::ErrorCatalog>::CATALOG)
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($input:tt)*) => {};
}
