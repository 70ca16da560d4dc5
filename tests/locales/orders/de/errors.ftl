order_not_found = Bestellung { $id } nicht gefunden
    .title = Bestellung nicht gefunden
    .resolution = Prüfen Sie die Bestellnummer.

cart-too_many =
    { $count ->
        [one] Der Warenkorb enthält einen Artikel; das Limit ist { $max }
       *[other] Der Warenkorb enthält { $count } Artikel; das Limit ist { $max }
    }

payment_declined = Die Zahlung wurde abgelehnt
