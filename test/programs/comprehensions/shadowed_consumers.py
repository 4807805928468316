# A module that binds a consumer's name gets its own function, which receives a real
# generator (the list-building shortcut applies to the builtins only).
def tuple(g):
    return next(g), type(g).__name__


def first_two(g):
    return [next(g), next(g)]


print(tuple(i * 2 for i in range(5)))
print(first_two(i * 3 for i in range(5)))


def local_list():
    list = lambda g: type(g).__name__
    return list(x for x in "ab")


print(local_list())
