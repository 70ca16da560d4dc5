account_locked = Le compte est verrouillé
invoice_overdue = La facture est en retard
# A typo: the code is `invoice_overdue`.
invoice_overdeu = La facture est en retard
