# Uncaught IndexError from indexing past the end of a tuple inside a loop.
data = (10, 20, 30)
total = 0
for i in range(4):
    total = total + data[i]
    print("partial", total)
