a-b = A { $id }
    .title = T
    .resolution = R
c = { 1 ->
   *[other] C
}
