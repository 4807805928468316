# isinstance/issubclass with tuples, type() names, type identity checks.
class Animal:
    pass

class Dog(Animal):
    pass

class Puppy(Dog):
    pass

things = (1, 1.0, True, "s", None, (), [], {}, set(), frozenset(), range(1), Dog(), Puppy(), len, lambda: 0, (x for x in ()))
print([type(t).__name__ for t in things])
print([isinstance(t, (int, float)) for t in things[:6]], isinstance(True, int), isinstance(1, bool))
print(isinstance(Puppy(), Animal), isinstance(Dog(), Puppy), issubclass(Puppy, (str, Dog)), issubclass(bool, int))
print(type(Puppy()) is Puppy, type(Puppy()) is Dog, type(3) == int, type(3.0) in (int, float))
print(Dog.__name__, Puppy.__bases__[0].__name__, type(Dog).__name__, type(int).__name__)
def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, (str, bytes)):
        return "text"
    if isinstance(x, (list, tuple, set, frozenset, dict)):
        return "container"
    return "other"
print([kind(t) for t in things])
