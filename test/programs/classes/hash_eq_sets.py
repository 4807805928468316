# Objects with __eq__ and __hash__ used as set members and dict keys.
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __eq__(self, o):
        return isinstance(o, Card) and (self.rank, self.suit) == (o.rank, o.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __lt__(self, o):
        return (self.suit, self.rank) < (o.suit, o.rank)

    def __repr__(self):
        return f"{self.rank}{self.suit}"

hand = [Card(10, "h"), Card(2, "s"), Card(10, "h"), Card(14, "d"), Card(2, "s")]
unique = set(hand)
print(len(unique), sorted(unique), Card(2, "s") in unique, Card(3, "s") in unique)
counts = {}
for c in hand:
    counts = counts | {c: counts.get(c, 0) + 1}
print(sorted(counts.items()), counts[Card(10, "h")])
print(sorted(frozenset(hand) - {Card(2, "s")}), Card(1, "x") == (1, "x"), Card(1, "x") != Card(1, "x"))
class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
print(NoHash(1) == NoHash(1), NoHash(1) in [NoHash(0), NoHash(1)], [NoHash(2)].count(NoHash(2)))
