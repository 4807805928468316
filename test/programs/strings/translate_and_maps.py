# str.maketrans / translate and character-level transformations.
rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
msg = "hello world"
enc = msg.translate(rot13)
print(enc, enc.translate(rot13))
strip_vowels = str.maketrans("", "", "aeiou")
print("programming language".translate(strip_vowels))
table = str.maketrans({"a": "4", "e": "3", "o": None})
print("leet code to go".translate(table))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar)
print([ord(c) - ord("a") for c in "python"], "".join(chr(65 + i) for i in range(0, 26, 5)))
counts = {c: "mississippi".count(c) for c in sorted(set("mississippi"))}
print(counts)
