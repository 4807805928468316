# Recursive generators with yield from: tree walks, permutations, partitions.
def walk(tree, depth=0):
    name, kids = tree
    yield "  " * depth + name
    for k in kids:
        yield from walk(k, depth + 1)

tree = ("root", (("a", (("a1", ()), ("a2", ()))), ("b", ()), ("c", (("c1", (("c11", ()),)),))))
for line in walk(tree):
    print(line)
def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield items[i:i + 1] + rest

print(list(permutations("abc")), sum(1 for _ in permutations(tuple(range(5)))))
def partitions(n, max_part=None):
    max_part = n if max_part is None else max_part
    if n == 0:
        yield ()
        return
    for k in range(min(n, max_part), 0, -1):
        for rest in partitions(n - k, k):
            yield (k,) + rest

print(list(partitions(5)), sum(1 for _ in partitions(20)))
def inorder(node):
    if node is None:
        return
    left, val, right = node
    yield from inorder(left)
    yield val
    yield from inorder(right)
bst = ((None, 1, None), 3, ((None, 4, None), 6, (None, 9, None)))
print(list(inorder(bst)))
