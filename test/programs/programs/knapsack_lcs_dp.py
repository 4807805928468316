# Dynamic programming with immutable tables: 0/1 knapsack, LCS, coin change, LIS.

def knapsack(items, capacity):
    # items: tuple of (name, weight, value); table rows are tuples.
    row = (0,) * (capacity + 1)
    rows = (row,)
    for name, w, v in items:
        prev = rows[-1]
        row = tuple(max(prev[c], prev[c - w] + v) if c >= w else prev[c] for c in range(capacity + 1))
        rows = rows + (row,)
    chosen = ()
    c = capacity
    for i in range(len(items), 0, -1):
        if rows[i][c] != rows[i - 1][c]:
            name, w, _ = items[i - 1]
            chosen = (name,) + chosen
            c = c - w
    return rows[-1][capacity], chosen

def lcs(a, b):
    prev = (0,) * (len(b) + 1)
    table = (prev,)
    for i in range(1, len(a) + 1):
        cur = (0,)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur = cur + (prev[j - 1] + 1,)
            else:
                cur = cur + (max(prev[j], cur[j - 1]),)
        table = table + (cur,)
        prev = cur
    out = ""
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out = a[i - 1] + out
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i = i - 1
        else:
            j = j - 1
    return table[-1][-1], out

def coin_ways(coins, amount):
    ways = (1,) + (0,) * amount
    for c in coins:
        new = ()
        for a in range(amount + 1):
            new = new + (ways[a] + (new[a - c] if a >= c else 0),)
        ways = new
    return ways[amount]

def min_coins(coins, amount):
    best = (0,)
    for a in range(1, amount + 1):
        options = [best[a - c] + 1 for c in coins if c <= a and best[a - c] is not None]
        best = best + (min(options) if options else None,)
    return best[amount]

def lis(seq):
    tails = ()
    for x in seq:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        tails = tails[:lo] + (x,) + tails[lo + 1:]
    return len(tails)

items = (("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40))
print(knapsack(items, 200))
print(knapsack(items, 0), knapsack((), 10))
for a, b in (("AGGTAB", "GXTXAYB"), ("dynamic", "programming"), ("", "abc"), ("same", "same")):
    print(a, b, lcs(a, b))
print(coin_ways((1, 2, 5), 11), coin_ways((2, 5, 3, 6), 10), coin_ways((1, 5, 10, 25, 50), 100))
print(min_coins((1, 3, 4), 6), min_coins((2,), 3), min_coins((186, 419, 83, 408), 6249))
print(lis((10, 9, 2, 5, 3, 7, 101, 18)), lis(()), lis(tuple(range(20, 0, -1))), lis((3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9)))
