# The default message does not show the reason; the French one does.
payment_declined = Le paiement a été refusé : { $reason }
    .title = Paiement refusé
