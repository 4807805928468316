# Uncaught StopIteration from next() on an exhausted iterator at module level.
it = iter([1, 2])
print(next(it), next(it))
print(next(it))
