# Huffman coding built from sorted tuples, plus run-length encoding; both round-trip.

def frequencies(text):
    return tuple(sorted(((text.count(ch), ch) for ch in set(text)), key=lambda p: (p[0], p[1])))

def build_tree(freqs):
    # Nodes: (weight, order, payload); payload is a char or a (left, right) pair.
    nodes = tuple((w, i, ch) for i, (w, ch) in enumerate(freqs))
    counter = len(nodes)
    while len(nodes) > 1:
        a, b = nodes[0], nodes[1]
        merged = (a[0] + b[0], counter, (a, b))
        counter = counter + 1
        rest = nodes[2:]
        i = 0
        while i < len(rest) and rest[i][:2] <= merged[:2]:
            i = i + 1
        nodes = rest[:i] + (merged,) + rest[i:]
    return nodes[0]

def codes(node, prefix=""):
    payload = node[2]
    if isinstance(payload, str):
        return {payload: prefix or "0"}
    return codes(payload[0], prefix + "0") | codes(payload[1], prefix + "1")

def decode(bits, tree):
    out = ""
    node = tree
    for b in bits:
        if isinstance(node[2], str):
            node = tree
        node = node[2][int(b)]
        if isinstance(node[2], str):
            out = out + node[2]
            node = tree
    return out

def rle(text):
    if not text:
        return ()
    runs = ()
    cur, n = text[0], 0
    for ch in text:
        if ch == cur:
            n = n + 1
        else:
            runs = runs + ((cur, n),)
            cur, n = ch, 1
    return runs + ((cur, n),)

def unrle(runs):
    return "".join(ch * n for ch, n in runs)

text = "this is an example of a huffman tree, isn't it?"
freqs = frequencies(text)
print(freqs[-5:])
tree = build_tree(freqs)
table = codes(tree)
for ch in sorted(table, key=lambda c: (len(table[c]), c))[:8]:
    print(repr(ch), table[ch])
bits = "".join(table[ch] for ch in text)
print(len(bits), "bits vs", 8 * len(text), f"ratio {len(bits) / (8 * len(text)):.3f}")
print("round trip:", decode(bits, tree) == text)
avg = sum(w * len(table[ch]) for w, ch in freqs) / len(text)
print(f"average code length {avg:.4f}")
for s in ("aaabccddddde", "", "x", "abababab", "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"):
    r = rle(s)
    enc = "".join(f"{n}{ch}" for ch, n in r)
    print(repr(enc[:40]), len(r), unrle(r) == s)
print(codes(build_tree(frequencies("aaaa"))))
