# REJECT 3
opts = {"a": 1}
opts |= {"b": 2}
print(opts)
