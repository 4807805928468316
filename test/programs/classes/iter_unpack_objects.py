# An __iter__ method makes instances unpackable and usable in zip/dict/sorted.
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __iter__(self):
        yield self.a
        yield self.b

    def __repr__(self):
        return f"Pair({self.a!r}, {self.b!r})"

    def __eq__(self, o):
        return tuple(self) == tuple(o)

    def swap(self):
        return Pair(self.b, self.a)

x, y = Pair(1, 2)
print(x, y, list(Pair("k", "v")), dict([Pair("k", "v"), Pair("j", 0)]), tuple(Pair(3, 4).swap()))
print(Pair(1, 2) == (1, 2), Pair(1, 2) == Pair(2, 1).swap(), [*Pair(5, 6), *Pair(7, 8)])
pairs = [Pair(3, "c"), Pair(1, "a"), Pair(2, "b")]
print(sorted(pairs, key=tuple), [b for _, b in pairs], max(pairs, key=lambda p: p.b))
print(sum(sum(p) for p in [Pair(1, 2), Pair(3, 4)]), list(zip(*pairs)))
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def __len__(self):
        return 1 + sum(len(c) for c in self.children)

t = Tree(1, (Tree(2, (Tree(4),)), Tree(3, (Tree(5), Tree(6)))))
print(list(t), len(t), sum(t), max(t), 5 in t, 7 in t)
