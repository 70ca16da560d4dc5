invoice_overdue = Die Rechnung ist { $days } Tage überfällig
