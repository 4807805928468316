# A ZeroDivisionError raised inside a numeric kernel reaches the top with its traceback.
def ratio_sum(n, d):
    total = 0
    for i in range(n):
        total = total + i // (d - i)
    return total


print(ratio_sum(3, 10))
print(ratio_sum(10, 5))
