order_not_found = Commande { $id } introuvable

payment_declined = Paiement { refusé
