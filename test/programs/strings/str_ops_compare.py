# Repetition, concatenation, comparison and membership of strings.
print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2, repr("" * 5))
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a" < "z")
print(max("apple", "Apple", "banana"), min(["b", "a", "B"]), sorted(["b", "A", "a", "B"]))
print(sorted(["item10", "item2", "item1"]), sorted(["b", "A", "a", "B"], key=str.lower))
print("abc" == "abc", "abc" != "ABC".lower(), "a" + "b" == "ab", "b" in "abc")
s = ""
for ch in "hello":
    s = ch + s
print(s, s.upper(), s[0], s[-1])
print("".join(sorted("interpolation")), "mississippi".replace("ss", "SS", 1), "aaa".replace("a", "bb"))
print("abc".replace("", "-"), "hello".replace("l", ""), "a.b.c".replace(".", "", 5))
