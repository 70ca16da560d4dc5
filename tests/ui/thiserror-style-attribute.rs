// `#[error("..")]` written as with thiserror, on a type that derives only ApiError: the
// one error says which attribute is missing. With every integration enabled (axum,
// actix-web, tonic, utoipa), none of their impls adds an error of its own.
use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error("project {0} not found")]
    NotFound(String),
}

fn main() {}
