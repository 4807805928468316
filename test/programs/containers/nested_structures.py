# Grouping and aggregating nested tuples/dicts without mutation.
records = (("north", "ann", 120), ("south", "bob", 80), ("north", "cyd", 95),
           ("east", "dee", 60), ("south", "eve", 140), ("north", "fay", 30))
regions = sorted({r for r, _, _ in records})
by_region = {reg: tuple((n, v) for r, n, v in records if r == reg) for reg in regions}
print(by_region)
totals = {reg: sum(v for _, v in rows) for reg, rows in by_region.items()}
print(totals, max(totals, key=totals.get))
best = {reg: max(rows, key=lambda nv: nv[1])[0] for reg, rows in by_region.items()}
print(best)
ranked = sorted(records, key=lambda rec: (rec[0], -rec[2]))
print([f"{r[0]}:{r[1]}" for r in ranked])
tree = {"a": {"b": {"c": 1, "d": 2}, "e": 3}, "f": {"g": 4}}
def leaves(node, path=()):
    if isinstance(node, dict):
        return tuple(x for k in sorted(node) for x in leaves(node[k], path + (k,)))
    return ((".".join(path), node),)
print(leaves(tree), sum(v for _, v in leaves(tree)))
matrix = tuple(tuple(i * 4 + j for j in range(4)) for i in range(3))
print(matrix, tuple(zip(*matrix))[2], [row[1:3] for row in matrix[1:]])
