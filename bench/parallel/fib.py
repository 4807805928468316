# Recursive Fibonacci: the two calls of each level run in parallel (fork-join).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(41))
