# return/break/continue interacting with finally and else.
def ret_override():
    try:
        return "try"
    finally:
        return "finally"

def ret_value_kept():
    x = "before"
    try:
        return x
    finally:
        x = "after"

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def else_return(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        return "div0"
    else:
        return f"ok {r}"
    finally:
        print("  finally for", v)

print(ret_override(), ret_value_kept(), swallow(), else_return(2), else_return(0))
out = ()
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        out = out + (i,)
    finally:
        out = out + (f"f{i}",)
print(out)
def loop_finally():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(loop_finally())
n = 0
while True:
    try:
        n = n + 1
        if n == 3:
            break
    finally:
        print("  while-finally", n)
print("n =", n)
