# Conway's Game of Life on frozensets of live cells.

def neighbours(cell):
    r, c = cell
    return tuple((r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)

def step(live):
    candidates = live | frozenset(n for cell in live for n in neighbours(cell))
    def alive_next(cell):
        k = sum(1 for n in neighbours(cell) if n in live)
        return k == 3 or (k == 2 and cell in live)
    return frozenset(c for c in candidates if alive_next(c))

def render(live, rows, cols):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(cols)) for r in range(rows))

def parse(picture):
    return frozenset((r, c) for r, line in enumerate(picture.split()) for c, ch in enumerate(line) if ch == "#")

def normalize(live):
    if not live:
        return live
    r0 = min(r for r, _ in live)
    c0 = min(c for _, c in live)
    return frozenset((r - r0, c - c0) for r, c in live)

glider = parse("""
.#.
..#
###
""")
g = glider
for gen in range(4):
    print(f"generation {gen}: {len(g)} cells, bbox origin {min(g)}")
    g = step(g)
print(render(g, 6, 6))
print("glider shape repeats:", normalize(g) == normalize(glider), "shifted by", (min(g)[0] - min(glider)[0], min(g)[1] - min(glider)[1]))
blinker = parse("### ... ...")
print(sorted(step(blinker)), step(step(blinker)) == blinker)
block = parse("## ##")
print("block still life:", step(block) == block)
rpent = parse(".## ##. .#.")
pop = ()
cur = rpent
for _ in range(30):
    pop = pop + (len(cur),)
    cur = step(cur)
print("r-pentomino populations:", pop)
print("empty stays empty:", step(frozenset()) == frozenset())
