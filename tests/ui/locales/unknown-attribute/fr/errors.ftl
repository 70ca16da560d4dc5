order_not_found = Commande { $id } introuvable
    .titel = Commande introuvable
payment_declined = Paiement refusé
