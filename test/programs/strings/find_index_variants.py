# find/rfind/index/rindex with start and end, and prefix/suffix removal.
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("zz"), s.find(""), s.find("", 20))
print(s.rfind("a"), s.rfind("a", 0, 10), s.rfind("bra"), s.rfind("abra", 1))
print(s.index("c"), s.rindex("b"), s.index("ra", 5), s.find("a", -4), s.rfind("a", -20, -1))
print(s.removeprefix("abra"), s.removesuffix("abra"), s.removeprefix("x"), s.removesuffix(""))
print("ab" in s, "" in s, "ba" not in s, s.count("a", 3), s.count("a", 3, 8))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q", 2)
except ValueError as e:
    print("ValueError:", e)
positions = [i for i in range(len(s)) if s.startswith("a", i)]
print(positions)
