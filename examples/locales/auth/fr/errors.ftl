token_invalid = Le jeton d'accès est invalide
    .title = Jeton invalide
    .resolution = Authentifiez-vous à nouveau pour obtenir de nouveaux jetons.
insufficient_scope = Cette action requiert la portée « { $required_scope } »
    .title = Portée insuffisante
    .resolution = Demandez un jeton avec les portées requises.
