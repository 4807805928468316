# Tokenizer, recursive-descent parser and evaluator for arithmetic with variables.

class ParseError(Exception):
    pass

def tokenize(src):
    toks = ()
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i = i + 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j = j + 1
            text = src[i:j]
            toks = toks + (("num", float(text) if "." in text else int(text)),)
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j = j + 1
            toks = toks + (("name", src[i:j]),)
            i = j
        elif src[i:i + 2] == "**":
            toks = toks + (("op", "**"),)
            i = i + 2
        elif ch in "+-*/%()":
            toks = toks + (("op", ch),)
            i = i + 1
        else:
            raise ParseError(f"bad character {ch!r} at {i}")
    return toks + (("end", None),)

def parse(toks):
    def expr(pos):
        node, pos = term(pos)
        while toks[pos] in (("op", "+"), ("op", "-")):
            op = toks[pos][1]
            rhs, pos = term(pos + 1)
            node = (op, node, rhs)
        return node, pos

    def term(pos):
        node, pos = unary(pos)
        while toks[pos][0] == "op" and toks[pos][1] in ("*", "/", "%"):
            op = toks[pos][1]
            rhs, pos = unary(pos + 1)
            node = (op, node, rhs)
        return node, pos

    def unary(pos):
        if toks[pos] == ("op", "-"):
            node, pos = unary(pos + 1)
            return ("neg", node), pos
        return power(pos)

    def power(pos):
        base, pos = atom(pos)
        if toks[pos] == ("op", "**"):
            exp, pos = unary(pos + 1)
            return ("**", base, exp), pos
        return base, pos

    def atom(pos):
        kind, val = toks[pos]
        if kind == "num":
            return ("num", val), pos + 1
        if kind == "name":
            return ("var", val), pos + 1
        if toks[pos] == ("op", "("):
            node, pos = expr(pos + 1)
            if toks[pos] != ("op", ")"):
                raise ParseError(f"expected ) at token {pos}")
            return node, pos + 1
        raise ParseError(f"unexpected {val!r} at token {pos}")

    node, pos = expr(0)
    if toks[pos][0] != "end":
        raise ParseError(f"trailing input at token {pos}")
    return node

OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}

def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        return env[node[1]]
    if tag == "neg":
        return -evaluate(node[1], env)
    return OPS[tag](evaluate(node[1], env), evaluate(node[2], env))

def show(node):
    if node[0] == "num":
        return repr(node[1])
    if node[0] == "var":
        return node[1]
    if node[0] == "neg":
        return "(-" + show(node[1]) + ")"
    return "(" + show(node[1]) + " " + node[0] + " " + show(node[2]) + ")"

env = {"x": 3, "y": 0.5, "big": 10 ** 12}
for src in ("1 + 2 * 3", "(1 + 2) * 3", "-2 ** 2", "2 ** 3 ** 2", "x * y - 7 % 4", "big * big + 1",
            "10 / 4 - -3", "((x))", "1 +", "2 $ 3", "(1 + 2", "z + 1", "1 / (x - 3)", "7 % -3 + 2 ** -1"):
    try:
        tree = parse(tokenize(src))
        print(f"{src!r:22} {show(tree):32} = {evaluate(tree, env)!r}")
    except ParseError as e:
        print(f"{src!r:22} ParseError: {e}")
    except (KeyError, ZeroDivisionError) as e:
        print(f"{src!r:22} {type(e).__name__}: {e}")
