# repr() of strings with quotes, control characters and non-ASCII text.
samples = ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "nul\x00",
           "del\x7f", "bell\x07", "back\\slash", "é", "日本", "\u200b", "😀", "\r\x1b")
for s in samples:
    print(repr(s), len(s))
print(samples[:3])
print(str(("a", 'b"c')), ["x'y"], {"k": "v\n"})
print(ascii("é😀"), ascii("plain"))
print(ord("€"), chr(8364), chr(0x1F600), ord(chr(0x10FFFF)), hex(ord("\n")))
print("naïve"[::-1], "日本語".upper(), sorted("bÄaä"), "é" < "f")
print(len("👍🏽"), "straße".upper(), "ǅ".lower(), "ǅ".upper(), "ǆ".title())
