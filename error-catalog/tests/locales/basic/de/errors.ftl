not_found = Projekt { $id } nicht gefunden
    .title = Projekt nicht gefunden
