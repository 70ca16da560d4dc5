order_not_found = Commande { $id } introuvable
