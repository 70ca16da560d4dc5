account_locked = Das Konto { $account } ist gesperrt
