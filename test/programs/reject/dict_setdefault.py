# REJECT 4
groups = {}
for w in ["apple", "avocado", "banana"]:
    groups.setdefault(w[0], ())
print(groups)
