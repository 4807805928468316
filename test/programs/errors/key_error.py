# Uncaught KeyError for a missing dict key.
prices = {"apple": 1.25, "pear": 0.8}
order = ("apple", "pear", "plum")
print(sum(prices[k] for k in order[:2]))
print(sum(prices[k] for k in order))
