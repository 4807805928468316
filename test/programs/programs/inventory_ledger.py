# An immutable inventory: every operation returns a new Inventory; errors are exceptions.

class InventoryError(Exception):
    pass

class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, have {have}")
        self.sku = sku

class UnknownItem(InventoryError, KeyError):
    pass

class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    def with_qty(self, qty):
        return Item(self.sku, self.name, self.price, qty)

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.sku}, {self.qty} x {self.price:.2f})"

class Inventory:
    def __init__(self, items=None, log=()):
        self.items = items or {}
        self.log = log

    def add(self, item):
        return Inventory(self.items | {item.sku: item}, self.log + (("add", item.sku, item.qty),))

    def _get(self, sku):
        if sku not in self.items:
            raise UnknownItem(sku)
        return self.items[sku]

    def receive(self, sku, n):
        it = self._get(sku)
        return Inventory(self.items | {sku: it.with_qty(it.qty + n)}, self.log + (("recv", sku, n),))

    def ship(self, sku, n):
        it = self._get(sku)
        if n > it.qty:
            raise OutOfStock(sku, n, it.qty)
        return Inventory(self.items | {sku: it.with_qty(it.qty - n)}, self.log + (("ship", sku, n),))

    def total_value(self):
        return round(sum(it.value for it in self.items.values()), 2)

    def __len__(self):
        return len(self.items)

    def __contains__(self, sku):
        return sku in self.items

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda it: it.sku))

inv = Inventory()
for sku, name, price, qty in (("B-2", "bolt", 0.25, 400), ("N-1", "nut", 0.1, 1000), ("G-7", "gear", 12.5, 8)):
    inv = inv.add(Item(sku, name, price, qty))
ops = (("ship", "B-2", 150), ("receive", "G-7", 4), ("ship", "G-7", 20), ("ship", "X-9", 1),
       ("ship", "N-1", 999), ("receive", "B-2", 50), ("ship", "N-1", 2))
for op, sku, n in ops:
    try:
        inv = inv.ship(sku, n) if op == "ship" else inv.receive(sku, n)
        print(f"{op:8} {sku} {n:4d} ok    value={inv.total_value():9.2f}")
    except OutOfStock as e:
        print(f"{op:8} {sku} {n:4d} FAIL  {e} ({e.sku})")
    except KeyError as e:
        print(f"{op:8} {sku} {n:4d} FAIL  unknown {e} isinstance InventoryError: {isinstance(e, InventoryError)}")
print(list(inv), len(inv), "G-7" in inv, "X-9" in inv)
print("log entries:", len(inv.log), inv.log[-3:])
shipped = {}
for kind, sku, n in inv.log:
    if kind == "ship":
        shipped = shipped | {sku: shipped.get(sku, 0) + n}
print("shipped:", dict(sorted(shipped.items())), "most valuable:", max(inv, key=lambda it: it.value))
