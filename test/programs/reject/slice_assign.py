# REJECT 3
vals = [1, 2, 3, 4]
vals[1:3] = [9]
print(vals)
