# Sum of squares (mod 1000) over a range: a tight integer loop.
def sum_squares(n):
    total = 0
    for i in range(n):
        total = total + i * i % 1000
    return total


print(sum_squares(200_000_000))
