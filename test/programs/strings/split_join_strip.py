# Edge cases of split, join and strip.
print("  a  b   c ".split(), "  a  b   c ".split(" "), "".split(), "".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a,b,c".split(",", 0))
print("1,2;3,4".split(";"), [p.split(",") for p in "1,2;3,4".split(";")])
print("-".join(["a", "b"]), "".join(reversed("stressed")), ", ".join(str(i) for i in range(4)))
print("|".join([]), "|".join(["only"]), "ab".join("xyz"), " ".join(map(str, (1.5, None, True))))
print("xxhixx".strip("x"), "xyhiyx".strip("yx"), "  hi\n\t".strip(), "abc".strip("abc"))
print("..a..".lstrip("."), "..a..".rstrip("."), "www.example.com".strip("cmowz."))
words = "The quick  brown fox".split()
print(words, len(words), "_".join(w.lower() for w in words))
csv = "name,age\nann,31\nbob,27\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
print(rows, [r[0] for r in rows[1:]], sum(int(r[1]) for r in rows[1:]))
