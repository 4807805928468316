# REJECT 5
total = 0

def add(x):
    global total
    total = total + x
    return total

print(add(3))
