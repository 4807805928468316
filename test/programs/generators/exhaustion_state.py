# Generators are single-use; iterators share position; StopIteration ends loops.
g = (x * x for x in range(4))
print(list(g), list(g), sum(x for x in ()))
it = iter([1, 2, 3, 4, 5])
print(next(it), list(zip(it, it)), list(it))
def gen():
    yield 1
    yield 2
a = gen()
print(next(a), next(a), next(a, "end"))
try:
    next(a)
except StopIteration:
    print("StopIteration raised")
s = iter("abc")
for ch in s:
    if ch == "a":
        print("skip", next(s))
    else:
        print("got", ch)
nums = iter(range(10))
print(3 in nums, next(nums), 100 in nums, list(nums))
g2 = gen()
print(type(g2).__name__, iter(g2) is g2, list(g2), list(g2))
