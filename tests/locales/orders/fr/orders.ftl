## Les erreurs des commandes.

order_not_found = Commande { $id } introuvable
    .title = Commande introuvable
    .resolution = Vérifiez l'identifiant de la commande.

cart-too_many =
    { $count ->
        [one] Le panier contient { $count } article ; la limite est { $max }
       *[other] Le panier contient { $count } articles ; la limite est { $max }
    }
