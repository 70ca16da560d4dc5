e404 = Introuvable
