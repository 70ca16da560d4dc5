use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum LicenseError {
    #[error(code = "no_seats_available", status = 409, message = "All seats are in use")]
    NoSeats {
        #[error(example = 999999999999999999999999999999999999999999)]
        max_seats: u64,
    },
}

fn main() {}
