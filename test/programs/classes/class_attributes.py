# Class-level attributes, instance shadowing and inherited constants.
class Config:
    defaults = {"depth": 3, "mode": "fast"}
    version = (1, 4)
    name = "base"

    def __init__(self, **overrides):
        self.opts = {**self.defaults, **overrides}

    def get(self, k):
        return self.opts[k]

class Strict(Config):
    defaults = {**Config.defaults, "mode": "strict"}
    name = "strict"

c = Config(depth=5)
s = Strict()
print(c.opts, s.opts, c.get("mode"), s.get("mode"), c.name, s.name, Strict.version)
print(Config.defaults, Strict.defaults is not Config.defaults, s.version is Config.version)
class Shadow:
    label = "class"

    def __init__(self, own):
        if own:
            self.label = "instance"

print(Shadow(True).label, Shadow(False).label, Shadow.label)
class Consts:
    A = 2
    B = A * 10
    C = tuple(range(A))
    def area(self, r):
        return self.A * r

print(Consts.B, Consts.C, Consts().area(4), getattr(Consts, "A"), hasattr(Consts, "Z"), getattr(Consts, "Z", "none"))
