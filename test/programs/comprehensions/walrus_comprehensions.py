# Assignment expressions in comprehensions, conditions and while loops.
data = [4, 9, 15, 2, 23, 8]
print([y for x in data if (y := x * x) > 50], [(x, r) for x in data if (r := x % 4)])
def running_max(xs):
    best = float("-inf")
    return [best := max(best, x) for x in xs], best
print(running_max([3, 1, 4, 1, 5, 9, 2, 6]))
text = "alpha beta gamma delta"
if (n := len(text.split())) > 3:
    print("words:", n)
stream = iter(range(0, 50, 7))
out = ()
while (v := next(stream, None)) is not None:
    out = out + (v,)
print(out)
print([m for w in text.split() if (m := w.count("a")) >= 2], (total := sum(data)), total // 2)
