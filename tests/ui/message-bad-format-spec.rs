use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum LicenseError {
    #[error(code = "no_seats_available", status = 409, message = "All seats in use ({active:%})")]
    NoSeats { active: u32 },
}

fn main() {}
