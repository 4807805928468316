# Comparison dunders: reflection of __lt__/__gt__, sorting, min/max with only __lt__.
class Ver:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))

    def __lt__(self, o):
        return self.t < o.t

    def __eq__(self, o):
        return self.t == o.t

    def __repr__(self):
        return ".".join(map(str, self.t))

a, b = Ver("1.2"), Ver("1.10")
print(a < b, a > b, b > a, a == Ver("1.2"), a != b)
vs = [Ver(s) for s in ("2.0", "1.10.1", "1.2", "1.10", "0.9.9")]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True)[0])
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)
class Full(Ver):
    def __le__(self, o):
        return self.t <= o.t

    def __ge__(self, o):
        return self.t >= o.t

print(Full("1.0") <= Full("1.0"), Full("2.0") >= Full("10.0"), Full("3.1") > Full("3.0"))
class Weird:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return "eq-called"

    def __gt__(self, o):
        return f"gt({self.v})"

print(Weird(1) == 5, 5 == Weird(2), 5 < Weird(3), Weird(4) > 1)
