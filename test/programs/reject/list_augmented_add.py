# REJECT 5
def collect(n):
    acc = []
    for i in range(n):
        acc += [i * i]
    return acc

print(collect(4))
