# REJECT 4
base = [1, 2]
more = (3, 4)
base.extend(more)
print(base)
