order_not_found = Commande { $order } introuvable
payment_declined = Paiement refusé
