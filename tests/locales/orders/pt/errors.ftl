# A partial locale: the other codes fall back to English.
order_not_found = Pedido { $id } não encontrado
