# REJECT 3
d = {"a": 1, "b": 2}
v = d.pop("a")
print(v, d)
