# REJECT 3
xs = [4, 5, 6]
del xs[-1]
print(xs)
