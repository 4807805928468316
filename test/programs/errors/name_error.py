# Uncaught NameError for a misspelled name inside a function.
def total(values):
    result = 0
    for v in values:
        result = result + v
    return reslt

print("start")
print(total([1, 2, 3]))
