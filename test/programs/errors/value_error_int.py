# Uncaught ValueError from int() of a non-numeric string.
fields = "12,7,x,4".split(",")
good = [int(f) for f in fields[:2]]
print(good)
print([int(f) for f in fields])
