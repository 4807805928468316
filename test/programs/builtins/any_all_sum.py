# any/all on empty and non-bool iterables; sum with start values.
print(any([]), all([]), any([0, "", None]), all([1, "a", (0,)]), any("abc"), all(""), all([[]]))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)), any(map(str.isdigit, "ab1")))
print(sum([]), sum([], 10), sum([1.5, 2.5]), sum(range(101)), sum([0.1] * 10), sum([1, 2.5, True]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([-1e16, 1.0, 1e16]), sum([1e16, 1.0, -1e16]))
print(sum(x * x for x in range(10)), sum(range(0, 10, 3), start=100), sum([2 ** 64, 2 ** 64]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
