cart_empty = Le panier est vide
