# Uncaught UnboundLocalError: a local is read before its assignment.
count = 10
def bump():
    total = count + 1
    count = total
    return count

print("calling bump")
print(bump())
