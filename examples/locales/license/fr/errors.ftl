no_seats_available =
    { $max_seats ->
        [one] La seule place est occupée ({ $active_seats }/{ $max_seats })
       *[other] Toutes les places sont occupées ({ $active_seats }/{ $max_seats })
    }
    .title = Aucune place disponible
    .resolution = Attendez qu'une place se libère ou passez à une licence supérieure.
license_expired = Cette licence a expiré le { $expired_at }
    .title = Licence expirée
    .resolution = Renouvelez l'abonnement ou contactez le support.
license_suspended = Licence suspendue à la suite d'un échec de paiement
    .title = Licence suspendue
    .resolution = Mettez à jour le moyen de paiement et réessayez.
session_timeout = Session expirée faute de signal de présence
    .title = Session expirée
    .resolution = Obtenez une nouvelle session.
invalid_hardware_id = Le format de l'identifiant matériel est invalide
    .title = Identifiant matériel invalide
    .resolution = Utilisez le SDK pour générer un identifiant matériel valide.
