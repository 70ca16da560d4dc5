token_invalid = Das Zugriffstoken ist ungültig
    .title = Ungültiges Token
    .resolution = Authentifizieren Sie sich erneut, um neue Tokens zu erhalten.
insufficient_scope = Diese Aktion erfordert den Geltungsbereich „{ $required_scope }“
    .title = Unzureichender Geltungsbereich
    .resolution = Fordern Sie ein Token mit den nötigen Geltungsbereichen an.
