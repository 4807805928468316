# str.format with indexes, keywords, attribute and item access.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(3, -4)
print("{0} {1} {0}".format("a", "b"), "{} {}".format(1, 2), "{x}-{y}".format(x=1, y=2))
print("{0.x},{0.y}".format(p), "{p.x:+d}".format(p=p), "{0[1]} {0[0]}".format(("a", "b")))
print("{d[k]} {d[n]:.1f}".format(d={"k": "v", "n": 2.25}), "{0[1][0]}".format([[1], [2, 3]]))
print(format(3.5), format(3.5, ""), format("x", ">3"), format(12, "") == str(12))
print(format(-0.0), format(float("inf"), "+"), format(1e-7), format(1e16, ".1f"))
print("{!r:>5}|{!s:<5}|".format("a", "b"))
print("{:^{w}}|{:>{w}.{p}f}".format("mid", 2.0 / 3, w=9, p=3))
fmt = "{name:<6}{score:>6.1f}"
for name, score in (("ann", 91.25), ("bo", 78.5), ("cyd", 100.0)):
    print(fmt.format(name=name, score=score))
print("{{}} {{{0}}}".format(7), "{0!r:}".format("q"))
