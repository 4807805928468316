# REJECT 3
row = [0, 1]
row *= 3
print(row)
