# REJECT 4
def median(values):
    vals = list(values)
    vals.sort()
    return vals[len(vals) // 2]

print(median((5, 1, 3)))
