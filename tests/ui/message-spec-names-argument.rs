use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum LicenseError {
    #[error(code = "no_seats_available", status = 409, message = "Seats: {active:>width$}")]
    NoSeats { active: u32, width: usize },
}

fn main() {}
