# REJECT 4
def with_header(rows):
    rows = list(rows)
    rows.insert(0, "header")
    return rows

print(with_header(["a", "b"]))
