## Les erreurs des comptes et des factures, dans un seul fichier.

account_locked = Le compte { $account } est verrouillé
    .title = Compte verrouillé

invoice_overdue =
    { $days ->
        [one] La facture est en retard d'un jour
       *[other] La facture est en retard de { $days } jours
    }
    .title = Facture en retard
