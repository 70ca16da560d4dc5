a-b = A { $id } ({ NUMBER($id) })
