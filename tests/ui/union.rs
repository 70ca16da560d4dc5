use error_catalog::ApiError;

#[derive(ApiError)]
#[error(code = "bits", status = 400, message = "Bad bits")]
pub union Bits {
    int: u32,
    float: f32,
}

fn main() {}
