order_not_found = Commande introuvable ({ $shard })
