print("stichwort")
