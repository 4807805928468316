# REJECT 3
items = list(range(5))
items.reverse()
print(items)
