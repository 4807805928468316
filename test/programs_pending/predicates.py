# The is* predicates, including empty strings and non-ASCII characters.
samples = ("", "abc", "ABC", "Abc Def", "abc123", "123", "12.5", " \t\n", "x y", "_id9", "9id", "²", "Ünïcode", "ⅷ")
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(),
          s.islower(), s.istitle(), s.isidentifier(), s.isdecimal(), s.isnumeric())
print("hello".startswith(("he", "x")), "hello".endswith(("lo", "x")), "hello".startswith("l", 2))
print("hello".endswith("ll", 0, 4), "hello".startswith(""), "".endswith(""))
