no_seats_available =
    { $max_seats ->
        [one] Der einzige Platz ist belegt ({ $active_seats }/{ $max_seats })
       *[other] Alle Plätze sind belegt ({ $active_seats }/{ $max_seats })
    }
    .title = Kein Platz verfügbar
    .resolution = Warten Sie, bis ein Platz frei wird, oder wählen Sie eine größere Lizenz.
license_expired = Diese Lizenz ist am { $expired_at } abgelaufen
    .title = Lizenz abgelaufen
    .resolution = Verlängern Sie das Abonnement oder wenden Sie sich an den Support.
license_suspended = Lizenz wegen einer fehlgeschlagenen Zahlung gesperrt
    .title = Lizenz gesperrt
    .resolution = Aktualisieren Sie die Zahlungsmethode und versuchen Sie es erneut.
session_timeout = Sitzung wegen ausgebliebener Lebenszeichen abgelaufen
    .title = Sitzung abgelaufen
    .resolution = Fordern Sie eine neue Sitzung an.
invalid_hardware_id = Das Format der Hardware-ID ist ungültig
    .title = Ungültige Hardware-ID
    .resolution = Erzeugen Sie mit dem SDK eine gültige Hardware-ID.
