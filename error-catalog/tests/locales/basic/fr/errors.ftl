# Le projet demandé n'existe pas.
not_found = Projet { $id } introuvable
    .title = Projet introuvable
